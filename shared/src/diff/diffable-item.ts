import type { ListTable } from '../enums';

/**
 * What the diff engine reads of an item. The shared `Item` contract and a parsed row with a table and an id
 * both fit; `seq` is only the position in its table, never the item's identity.
 */
export interface DiffableItem {
  id: string;
  table: ListTable;
  seq: number;
  category: string | null;
  name: string;
  departments: string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
}

/** An item of a version whose ids are absent or not shared with the other version (imported documents). */
export type UnidentifiedItem = Omit<DiffableItem, 'id'> & { id?: string };

/** A value before and after. */
export interface Transition<V> {
  from: V;
  to: V;
}
