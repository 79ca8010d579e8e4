import type { ListTable } from '../enums';
import type { FieldChange } from './diff-fields';
import type { Transition } from './diffable-item';

/**
 * - `added` / `removed`: the item exists on one side only;
 * - `changed`: modified content, moved to another table and/or another category;
 * - `renumbered`: only its 序号 changed (only with `includeRenumbered`, otherwise such an item is `unchanged`);
 * - `unchanged`: nothing a reviewer needs to look at.
 */
export type ItemDiffStatus = 'added' | 'removed' | 'changed' | 'renumbered' | 'unchanged';

/** How the two sides of an entry were paired: by id, or by content with the similarity it rests on. */
export interface ItemMatch {
  method: 'id' | 'exact' | 'similar';
  /** 1 for the same id or the same normalised name; the name similarity (0..1) otherwise. */
  confidence: number;
}

/** One item of the comparison, with everything that happened to it. */
export interface ItemDiffEntry<T> {
  status: ItemDiffStatus;
  before: T | null;
  after: T | null;
  match: ItemMatch | null;
  /** Content fields that changed (empty when none did). */
  fields: FieldChange[];
  moved: Transition<ListTable> | null;
  categoryChanged: Transition<string | null> | null;
  /** The 序号 before and after when it differs; informational, it never makes an item `changed`. */
  renumbered: Transition<number> | null;
}
