import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Category, ListTable } from '@dutylist/shared';
import { DutyListEntity } from '../lists/duty-list.entity';

/**
 * An item of a list's editable draft. Its id is the item's identity for its whole life: it survives
 * renumbering (`seq`), edits and moves between tables, and is what versions, decisions and comments point at.
 * It is unique within a list: the next edition's list and an adjustment carry the same ids forward.
 */
@Entity({ name: 'items' })
export class ItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Part of the key: a new edition's draft or an adjustment keeps the ids of the version it started from. */
  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne(() => DutyListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'fk_items_list' })
  list?: DutyListEntity;

  @Column({ name: 'list_table', type: 'varchar', length: 16 })
  table: ListTable;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category: Category | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  departments: string[];

  @Column({ name: 'upper_duties', type: 'text', default: '' })
  upperDuties: string;

  @Column({ name: 'township_duties', type: 'text', default: '' })
  townshipDuties: string;

  @Column({ type: 'text', default: '' })
  undertaker: string;

  /** Optimistic-concurrency token, bumped on every change by a user (not by renumbering). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
