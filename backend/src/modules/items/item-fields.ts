import type { DutyListRow, ListTable } from '@dutylist/shared';
import type { ItemEntity } from './item.entity';

/** What a document row (or import row) says about an item. */
export type DocumentRowFields = Pick<
  DutyListRow,
  'category' | 'name' | 'departments' | 'upperDuties' | 'townshipDuties' | 'undertaker'
>;

/** A placeholder for a row whose 事项名称 is blank (the import report flags it; the row is never dropped). */
export const BLANK_NAME = '（未填写事项名称）';

/** The draft item fields of a document row placed at `seq` in `table`. */
export function itemFieldsFromRow(
  row: DocumentRowFields,
  table: ListTable,
  seq: number,
): Pick<
  ItemEntity,
  'table' | 'seq' | 'category' | 'name' | 'departments' | 'upperDuties' | 'townshipDuties' | 'undertaker'
> {
  return {
    table,
    seq,
    category: row.category,
    name: row.name || BLANK_NAME,
    departments: row.departments,
    upperDuties: row.upperDuties,
    townshipDuties: row.townshipDuties,
    undertaker: row.undertaker,
  };
}
