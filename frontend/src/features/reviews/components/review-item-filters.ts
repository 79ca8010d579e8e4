import {
  DECISION_LABELS,
  LIST_TABLES,
  REVIEW_LEVEL_LABELS,
  type ItemDecision,
  type ListTable,
  type ReviewItem,
  type ReviewLevel,
} from '@dutylist/shared';

/** The filters of the round's item table; they combine (AND). */
export interface ReviewFilters {
  changed: boolean;
  returned: boolean;
  threads: boolean;
  undecided: boolean;
  /** A standard category, UNCATEGORIZED, or null for all. */
  category: string | null;
  search: string;
}

export const UNCATEGORIZED = '__uncategorized__';

export const EMPTY_FILTERS: ReviewFilters = {
  changed: false,
  returned: false,
  threads: false,
  undecided: false,
  category: null,
  search: '',
};

/** The decision of one level on the item (at most one per version and level). */
export function decisionOf(item: ReviewItem, level: ReviewLevel): ItemDecision | undefined {
  return item.decisions.find((decision) => decision.level === level);
}

/** `县委编办：通过`, as the tags read. */
export function decisionText(decision: Pick<ItemDecision, 'level' | 'decision'>): string {
  return `${REVIEW_LEVEL_LABELS[decision.level]}：${DECISION_LABELS[decision.decision]}`;
}

export function isReturnedOrSuggested(item: ReviewItem): boolean {
  return item.decisions.some((decision) => decision.decision !== 'approved');
}

export function matchesFilters(item: ReviewItem, filters: ReviewFilters, level: ReviewLevel): boolean {
  if (filters.changed && item.change === 'unchanged') return false;
  if (filters.returned && !isReturnedOrSuggested(item)) return false;
  if (filters.threads && item.openThreads === 0) return false;
  if (filters.undecided && decisionOf(item, level)) return false;
  if (filters.category !== null) {
    const category = item.item.category ?? UNCATEGORIZED;
    if (category !== filters.category) return false;
  }
  const needle = filters.search.replace(/\s+/g, '').toLowerCase();
  if (needle) {
    const haystack = `${item.item.name}${item.item.category ?? ''}`.replace(/\s+/g, '').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

export function hasActiveFilters(filters: ReviewFilters): boolean {
  return (
    filters.changed ||
    filters.returned ||
    filters.threads ||
    filters.undecided ||
    filters.category !== null ||
    filters.search.trim() !== ''
  );
}

export type ReviewItemsByTable = Record<ListTable, ReviewItem[]>;

/** The items of each table, sorted by 序号. */
export function groupByTable(items: readonly ReviewItem[]): ReviewItemsByTable {
  const groups = Object.fromEntries(LIST_TABLES.map((table) => [table, [] as ReviewItem[]])) as ReviewItemsByTable;
  for (const item of items) groups[item.item.table].push(item);
  for (const table of LIST_TABLES) groups[table].sort((a, b) => a.item.seq - b.item.seq);
  return groups;
}

/** Unchanged items the level has not decided yet: what "通过全部未变化事项" approves. */
export function unchangedUndecidedIds(items: readonly ReviewItem[], level: ReviewLevel): string[] {
  return items.filter((item) => item.change === 'unchanged' && !decisionOf(item, level)).map((item) => item.item.id);
}
