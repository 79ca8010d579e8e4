import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ItemContentField, ThreadStatus } from '@dutylist/shared';

/**
 * A discussion on one item (optionally one field). It points at the item's identity, so it follows the
 * item across rounds, renumbering, edits and moves between tables.
 */
@Entity({ name: 'comment_threads' })
export class CommentThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  field: ItemContentField | null;

  @Column({ name: 'opened_round', type: 'int' })
  openedRound: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: ThreadStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
