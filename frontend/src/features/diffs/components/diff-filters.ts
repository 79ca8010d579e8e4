import {
  LIST_TABLES,
  type DiffItemAnnotation,
  type ListDiff,
  type ListDiffEntry,
  type ListTable,
  type VersionItem,
} from '@dutylist/shared';

export interface DiffFilters {
  /** Only added, removed and changed items (and renumbered ones when they were asked for). */
  changedOnly: boolean;
  moved: boolean;
  /** Returned by a reviewer, on either side of the pair. */
  returned: boolean;
  /** With an unresolved discussion. */
  openThreads: boolean;
  /** One category (after the change; before it for removed items); null = all. */
  category: string | null;
}

export const DEFAULT_DIFF_FILTERS: DiffFilters = {
  changedOnly: true,
  moved: false,
  returned: false,
  openThreads: false,
  category: null,
};

const NO_ANNOTATION: DiffItemAnnotation = { decisions: [], fromDecisions: [], openThreads: 0 };

/** The item an entry stands for: as it is now, or as it was for a removed item. */
export function entryItem(entry: ListDiffEntry): VersionItem {
  return (entry.after ?? entry.before) as VersionItem;
}

export function entryId(entry: ListDiffEntry): string {
  return entryItem(entry).id;
}

/** The table an entry is shown in: where the item is now (a moved item in its new table). */
export function entryTable(entry: ListDiffEntry): ListTable {
  return entryItem(entry).table;
}

/** A change a reviewer must look at: added, removed, reworded, moved or recategorised. Renumbering is not. */
export function isChange(entry: ListDiffEntry): boolean {
  return entry.status === 'added' || entry.status === 'removed' || entry.status === 'changed';
}

export function annotationOf(diff: ListDiff, entry: ListDiffEntry): DiffItemAnnotation {
  return diff.annotations[entryId(entry)] ?? NO_ANNOTATION;
}

export function isReturned(annotation: DiffItemAnnotation): boolean {
  return [...annotation.decisions, ...annotation.fromDecisions].some((d) => d.decision === 'returned');
}

/** The entries that pass the filters, in document order (every table). */
export function filterEntries(diff: ListDiff, filters: DiffFilters): ListDiffEntry[] {
  return diff.entries.filter((entry) => {
    if (filters.changedOnly && entry.status === 'unchanged') return false;
    if (filters.moved && !entry.moved) return false;
    const annotation = annotationOf(diff, entry);
    if (filters.returned && !isReturned(annotation)) return false;
    if (filters.openThreads && annotation.openThreads === 0) return false;
    if (filters.category !== null && entryItem(entry).category !== filters.category) return false;
    return true;
  });
}

/** Changes per table (where the items are now): the numbers on the tabs. */
export function changeCounts(diff: ListDiff): Record<ListTable, number> {
  const counts: Record<ListTable, number> = { basic: 0, cooperative: 0, revoked: 0 };
  for (const entry of diff.entries) if (isChange(entry)) counts[entryTable(entry)] += 1;
  return counts;
}

/** The categories present on either side, in the order they first appear. */
export function categoriesOf(diff: ListDiff): string[] {
  const seen = new Set<string>();
  for (const entry of diff.entries) {
    const category = entryItem(entry).category;
    if (category) seen.add(category);
  }
  return [...seen];
}

/** Entries per table, keeping the order. */
export function byTable(entries: readonly ListDiffEntry[]): Record<ListTable, ListDiffEntry[]> {
  const result = Object.fromEntries(LIST_TABLES.map((t) => [t, [] as ListDiffEntry[]])) as Record<
    ListTable,
    ListDiffEntry[]
  >;
  for (const entry of entries) result[entryTable(entry)].push(entry);
  return result;
}

/**
 * The next (or previous) change after the focused item among the shown entries, across tables in
 * document order; wraps around. Null when there is no change at all.
 */
export function stepChange(
  entries: readonly ListDiffEntry[],
  focusedId: string | null,
  direction: 1 | -1,
): ListDiffEntry | null {
  const changes = entries.filter(isChange);
  if (changes.length === 0) return null;
  const ordered = LIST_TABLES.flatMap((t) => changes.filter((e) => entryTable(e) === t));
  const allOrdered = LIST_TABLES.flatMap((t) => entries.filter((e) => entryTable(e) === t));
  const at = focusedId === null ? -1 : allOrdered.findIndex((e) => entryId(e) === focusedId);
  if (at < 0) return direction === 1 ? ordered[0] : ordered[ordered.length - 1];
  const positions = new Map(allOrdered.map((e, i) => [e, i]));
  const position = (e: ListDiffEntry) => positions.get(e) ?? -1;
  if (direction === 1) return ordered.find((e) => position(e) > at) ?? ordered[0];
  return [...ordered].reverse().find((e) => position(e) < at) ?? ordered[ordered.length - 1];
}
