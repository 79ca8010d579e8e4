import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, ListTable } from '@dutylist/shared';

/** An item as it stood in a frozen version. `itemId` is the draft item's stable identity. */
@Entity({ name: 'version_items' })
export class VersionItemEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'list_table', type: 'varchar', length: 16 })
  table: ListTable;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category: Category | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  departments: string[];

  @Column({ name: 'upper_duties', type: 'text' })
  upperDuties: string;

  @Column({ name: 'township_duties', type: 'text' })
  townshipDuties: string;

  @Column({ type: 'text' })
  undertaker: string;
}
