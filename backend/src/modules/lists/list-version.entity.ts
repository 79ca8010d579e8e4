import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Explanation } from '@dutylist/shared';
import { DutyListEntity } from './duty-list.entity';

/** An immutable snapshot of a list (one per submission). The database refuses UPDATE and DELETE on it. */
@Entity({ name: 'list_versions' })
export class ListVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne(() => DutyListEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'fk_list_versions_list' })
  list?: DutyListEntity;

  /** 1, 2, 3… in the order the versions were frozen. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'int' })
  round: number;

  /** The publication cycle the version was frozen in: 1 the initial one, then one per adjustment. */
  @Column({ type: 'int', default: 1 })
  cycle: number;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'jsonb' })
  explanation: Partial<Explanation>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
