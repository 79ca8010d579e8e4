import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Explanation, ListStage } from '@dutylist/shared';
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

  @Column({ name: 'max_rounds', type: 'int', default: 3 })
  maxRounds: number;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  explanation: Partial<Explanation>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
