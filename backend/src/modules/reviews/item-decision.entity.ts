import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Decision, ItemFields, ListTable, Resolution, ReviewLevel } from '@dutylist/shared';

/**
 * A reviewer's decision on one item of one frozen version, at one level (one per version, item and
 * level). The township's answer to a return or suggestion is kept on the same row.
 */
@Entity({ name: 'item_decisions' })
export class ItemDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ type: 'varchar', length: 16 })
  level: ReviewLevel;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'varchar', length: 16 })
  decision: Decision;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  suggestion: { fields?: Partial<ItemFields>; table?: ListTable } | null;

  /** The earlier approval this one was kept from, the item being unchanged since. */
  @Column({ name: 'carried_from', type: 'uuid', nullable: true })
  carriedFrom: string | null;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  resolution: Resolution;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
