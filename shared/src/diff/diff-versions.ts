import { LIST_TABLES, type ListTable } from '../enums';
import { matchItems } from '../matching/match-items';
import { diffItemFields } from './diff-fields';
import { type DiffSummary, summarizeDiff } from './diff-summary';
import type { DiffableItem, UnidentifiedItem } from './diffable-item';
import type { ItemDiffEntry, ItemMatch } from './item-diff-entry';
import { type StatedCountsDiff, type StatedCountsInput, diffStatedCounts } from './stated-counts-diff';

export interface DiffOptions {
  /**
   * `id` (default): the same id is the same item — versions of one list in the database.
   * `content`: pair items by their text with `matchItems` — two imported documents, or items without ids.
   */
  matchBy?: 'id' | 'content';
  /** Report items whose only change is their 序号 as `renumbered` (by default they are `unchanged`). */
  includeRenumbered?: boolean;
  /** Lowest name similarity accepted as the same item when matching by content (matchItems' default otherwise). */
  threshold?: number;
  /** The counts stated in each version's 说明 (parsed, or the 说明 text to read them from). */
  statedCounts?: { before?: StatedCountsInput; after?: StatedCountsInput };
}

export interface VersionDiff<T> {
  /** Every item once, in the order of the new version (removed items where they used to be). */
  entries: ItemDiffEntry<T>[];
  added: ItemDiffEntry<T>[];
  removed: ItemDiffEntry<T>[];
  /** Items whose content fields changed (they may also be in `moved` / `categoryChanged`). */
  modified: ItemDiffEntry<T>[];
  moved: ItemDiffEntry<T>[];
  categoryChanged: ItemDiffEntry<T>[];
  /** Items whose only change is their 序号; empty unless `includeRenumbered`. */
  renumbered: ItemDiffEntry<T>[];
  unchanged: ItemDiffEntry<T>[];
  summary: DiffSummary;
  /** Present when `options.statedCounts` was given. */
  statedCounts: StatedCountsDiff | null;
}

interface Pairing {
  /** after index → [before index, match] */
  partnerOfAfter: (number | undefined)[];
  matchOfAfter: (ItemMatch | undefined)[];
  matchedBefore: boolean[];
}

function pairById(before: readonly UnidentifiedItem[], after: readonly UnidentifiedItem[]): Pairing {
  const indexOfId = new Map<string, number>();
  before.forEach((item, i) => {
    if (item.id !== undefined && !indexOfId.has(item.id)) indexOfId.set(item.id, i);
  });
  const pairing: Pairing = { partnerOfAfter: [], matchOfAfter: [], matchedBefore: before.map(() => false) };
  const byId: ItemMatch = { method: 'id', confidence: 1 };
  after.forEach((item, j) => {
    const i = item.id === undefined ? undefined : indexOfId.get(item.id);
    if (i === undefined || pairing.matchedBefore[i]) return; // a duplicate id is a different item
    pairing.matchedBefore[i] = true;
    pairing.partnerOfAfter[j] = i;
    pairing.matchOfAfter[j] = byId;
  });
  return pairing;
}

function pairByContent(
  before: readonly UnidentifiedItem[],
  after: readonly UnidentifiedItem[],
  threshold: number | undefined,
): Pairing {
  const result = matchItems([...before], [...after], threshold === undefined ? {} : { threshold });
  const pairing: Pairing = { partnerOfAfter: [], matchOfAfter: [], matchedBefore: before.map(() => false) };
  for (const pair of result.pairs) {
    pairing.matchedBefore[pair.before] = true;
    pairing.partnerOfAfter[pair.after] = pair.before;
    pairing.matchOfAfter[pair.after] = { method: pair.method, confidence: pair.confidence };
  }
  return pairing;
}

/** Indexes of a version grouped by table and sorted by 序号 (the order the document shows them in). */
function inDocumentOrder(items: readonly UnidentifiedItem[]): Record<ListTable, number[]> {
  const order: Record<ListTable, number[]> = { basic: [], cooperative: [], revoked: [] };
  items.forEach((item, i) => order[item.table].push(i));
  for (const table of LIST_TABLES) order[table].sort((x, y) => items[x].seq - items[y].seq || x - y);
  return order;
}

function compareMatched<T extends UnidentifiedItem>(
  before: T,
  after: T,
  match: ItemMatch,
  includeRenumbered: boolean,
): ItemDiffEntry<T> {
  const fields = diffItemFields(before, after);
  const moved = before.table === after.table ? null : { from: before.table, to: after.table };
  const categoryChanged = before.category === after.category ? null : { from: before.category, to: after.category };
  const renumbered = before.seq === after.seq ? null : { from: before.seq, to: after.seq };
  const changed = fields.length > 0 || moved !== null || categoryChanged !== null;
  const status = changed ? 'changed' : renumbered && includeRenumbered ? 'renumbered' : 'unchanged';
  return { status, before, after, match, fields, moved, categoryChanged, renumbered };
}

function removedEntry<T>(before: T): ItemDiffEntry<T> {
  return {
    status: 'removed',
    before,
    after: null,
    match: null,
    fields: [],
    moved: null,
    categoryChanged: null,
    renumbered: null,
  };
}

function addedEntry<T>(after: T): ItemDiffEntry<T> {
  return {
    status: 'added',
    before: null,
    after,
    match: null,
    fields: [],
    moved: null,
    categoryChanged: null,
    renumbered: null,
  };
}

/**
 * Compares two versions of a duty list item by item, so a reviewer sees exactly what changed since the last
 * round — added, removed, reworded (with a readable character diff of the Chinese text), moved to another
 * table, put in another category — without the noise of renumbering, which inserts and deletes cause
 * everywhere. Items are identified by id (versions of one list), or by content with `matchBy: 'content'` when
 * the versions share no ids (two imported documents); each pair then carries the confidence of its match.
 */
export function diffVersions<T extends DiffableItem>(
  before: readonly T[],
  after: readonly T[],
  options?: DiffOptions & { matchBy?: 'id' },
): VersionDiff<T>;
export function diffVersions<T extends UnidentifiedItem>(
  before: readonly T[],
  after: readonly T[],
  options: DiffOptions & { matchBy: 'content' },
): VersionDiff<T>;
export function diffVersions<T extends UnidentifiedItem>(
  before: readonly T[],
  after: readonly T[],
  options: DiffOptions = {},
): VersionDiff<T> {
  const includeRenumbered = options.includeRenumbered ?? false;
  const pairing =
    options.matchBy === 'content' ? pairByContent(before, after, options.threshold) : pairById(before, after);

  const entryOfAfter: ItemDiffEntry<T>[] = after.map((item, j) => {
    const i = pairing.partnerOfAfter[j];
    const match = pairing.matchOfAfter[j];
    return i === undefined || match === undefined
      ? addedEntry(item)
      : compareMatched(before[i], item, match, includeRenumbered);
  });

  // Removed items are shown after the nearest preceding item of their table that stayed in that table.
  const beforeOrder = inDocumentOrder(before);
  const afterOfBefore = new Map<number, number>();
  pairing.partnerOfAfter.forEach((i, j) => {
    if (i !== undefined) afterOfBefore.set(i, j);
  });
  const removedAtStart: Record<ListTable, ItemDiffEntry<T>[]> = { basic: [], cooperative: [], revoked: [] };
  const removedAfter = new Map<number, ItemDiffEntry<T>[]>();
  for (const table of LIST_TABLES) {
    let anchor: number | undefined;
    for (const i of beforeOrder[table]) {
      const j = afterOfBefore.get(i);
      if (j !== undefined) {
        if (after[j].table === table) anchor = j;
        continue;
      }
      const entry = removedEntry(before[i]);
      if (anchor === undefined) removedAtStart[table].push(entry);
      else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), entry]);
    }
  }

  const afterOrder = inDocumentOrder(after);
  const entries: ItemDiffEntry<T>[] = [];
  for (const table of LIST_TABLES) {
    entries.push(...removedAtStart[table]);
    for (const j of afterOrder[table]) {
      entries.push(entryOfAfter[j]);
      const removed = removedAfter.get(j);
      if (removed) entries.push(...removed);
    }
  }

  return {
    entries,
    added: entries.filter((e) => e.status === 'added'),
    removed: entries.filter((e) => e.status === 'removed'),
    modified: entries.filter((e) => e.fields.length > 0),
    moved: entries.filter((e) => e.moved !== null),
    categoryChanged: entries.filter((e) => e.categoryChanged !== null),
    renumbered: entries.filter((e) => e.status === 'renumbered'),
    unchanged: entries.filter((e) => e.status === 'unchanged'),
    summary: summarizeDiff(entries),
    statedCounts: options.statedCounts
      ? diffStatedCounts(options.statedCounts.before, options.statedCounts.after)
      : null,
  };
}
