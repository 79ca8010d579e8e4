import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Explanation, ListStage, ReviewLevel } from '@dutylist/shared';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/** One township's duty list for one edition (e.g. 2025). Its items are the editable draft. */
@Entity({ name: 'duty_lists' })
export class DutyListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'township_id', type: 'uuid' })
  townshipId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_duty_lists_township' })
  township?: OrgUnitEntity;

  @Column({ type: 'int' })
  edition: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 32, default: 'drafting' })
  stage: ListStage;

  @Column({ type: 'int', default: 1 })
  round: number;

  /** The level that returned items to the county; the county's next approval goes straight back to it. */
  @Column({ name: 'return_level', type: 'varchar', length: 16, nullable: true })
  returnLevel: Extract<ReviewLevel, 'prefecture' | 'region'> | null;

  /** When the list entered its current stage (the clock of "whose turn"). */
  @Column({ name: 'stage_since', type: 'timestamptz', default: () => 'now()' })
  stageSince: Date;

  /** When the current stage is due (edition settings), or null. */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  /** The published version (of an earlier edition's list) this list's first draft was copied from, or null. */
  @Column({ name: 'base_version_id', type: 'uuid', nullable: true })
  baseVersionId: string | null;

  /** The version in force: the last one published (it stays in force while an adjustment runs). */
  @Column({ name: 'in_force_version_id', type: 'uuid', nullable: true })
  inForceVersionId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  explanation: Partial<Explanation>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
