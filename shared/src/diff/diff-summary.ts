import { CATEGORIES, type ListTable } from '../enums';
import type { ItemDiffEntry } from './item-diff-entry';

/**
 * Counts of one part of a list (a table, a category, or the whole list). An entry counts where it is after
 * the change (a removed item where it was before); `movedOut` / `categoryChangedOut` count where moved items
 * came from, so `before = after - added + removed - moved + movedOut` holds per table (and likewise with the
 * category counts per category).
 */
export interface DiffCounts {
  before: number;
  after: number;
  added: number;
  removed: number;
  modified: number;
  moved: number;
  movedOut: number;
  categoryChanged: number;
  categoryChangedOut: number;
  renumbered: number;
  unchanged: number;
}

export interface CategoryDiffCounts extends DiffCounts {
  category: string | null;
}

export interface DiffSummary {
  total: DiffCounts;
  byTable: Record<ListTable, DiffCounts>;
  /** The 23 categories in their standard order, then any other category, then items without one. */
  byCategory: CategoryDiffCounts[];
}

interface Located {
  table: ListTable;
  category: string | null;
}

function emptyCounts(): DiffCounts {
  return {
    before: 0,
    after: 0,
    added: 0,
    removed: 0,
    modified: 0,
    moved: 0,
    movedOut: 0,
    categoryChanged: 0,
    categoryChangedOut: 0,
    renumbered: 0,
    unchanged: 0,
  };
}

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

function compareCategories(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const ia = CATEGORY_ORDER.get(a) ?? CATEGORIES.length;
  const ib = CATEGORY_ORDER.get(b) ?? CATEGORIES.length;
  return ia - ib || (a < b ? -1 : 1);
}

/** Counts per table and per category, so a summary line (`基本履职事项：新增 4 项…`) needs no second pass. */
export function summarizeDiff<T extends Located>(entries: readonly ItemDiffEntry<T>[]): DiffSummary {
  const total = emptyCounts();
  const byTable = { basic: emptyCounts(), cooperative: emptyCounts(), revoked: emptyCounts() };
  const byCategory = new Map<string | null, DiffCounts>();
  const categoryCounts = (category: string | null): DiffCounts => {
    let counts = byCategory.get(category);
    if (!counts) byCategory.set(category, (counts = emptyCounts()));
    return counts;
  };
  const at = (item: Located): DiffCounts[] => [total, byTable[item.table], categoryCounts(item.category)];

  for (const entry of entries) {
    const { before, after } = entry;
    if (before) for (const c of at(before)) c.before += 1;
    if (after) for (const c of at(after)) c.after += 1;
    if (!after) {
      if (before) for (const c of at(before)) c.removed += 1;
      continue;
    }
    const here = at(after);
    if (!before) {
      for (const c of here) c.added += 1;
      continue;
    }
    if (entry.fields.length > 0) for (const c of here) c.modified += 1;
    if (entry.moved) {
      total.moved += 1;
      total.movedOut += 1;
      byTable[after.table].moved += 1;
      byTable[before.table].movedOut += 1;
      categoryCounts(after.category).moved += 1;
      categoryCounts(before.category).movedOut += 1;
    }
    if (entry.categoryChanged) {
      total.categoryChanged += 1;
      total.categoryChangedOut += 1;
      byTable[after.table].categoryChanged += 1;
      byTable[before.table].categoryChangedOut += 1;
      categoryCounts(after.category).categoryChanged += 1;
      categoryCounts(before.category).categoryChangedOut += 1;
    }
    if (entry.status === 'renumbered') for (const c of here) c.renumbered += 1;
    if (entry.status === 'unchanged') for (const c of here) c.unchanged += 1;
  }

  return {
    total,
    byTable,
    byCategory: [...byCategory.entries()]
      .sort(([a], [b]) => compareCategories(a, b))
      .map(([category, counts]) => ({ category, ...counts })),
  };
}
