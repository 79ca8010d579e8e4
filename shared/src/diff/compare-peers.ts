import type { ListTable } from '../enums';
import { type MatchableItem, matchItems } from '../matching/match-items';
import type { Transition } from './diffable-item';
import { stripPlaceNames } from './strip-place-names';

export interface PeerPair<T> {
  a: T;
  b: T;
  method: 'exact' | 'similar';
  confidence: number;
}

export interface PeerComparison<T> {
  /** Items of A with a counterpart in B. */
  matched: PeerPair<T>[];
  /** Items of A that B does not have. */
  missing: T[];
  /** Items of B that A does not have. */
  extra: T[];
  /** Counterparts listed in another table (e.g. basic in A, taken back in B). */
  differentTable: (PeerPair<T> & { table: Transition<ListTable> })[];
  /** Counterparts filed under another category. */
  differentCategory: (PeerPair<T> & { category: Transition<string | null> })[];
}

export interface ComparePeersOptions {
  /** County and township names of both lists (e.g. `['奇台县', '碧流河镇', '木垒县', '白杨河乡']`). */
  placeNames?: readonly string[];
  /** Lowest name similarity accepted as the same duty (matchItems' default otherwise). */
  threshold?: number;
}

/**
 * Compares the lists of two peer townships (or a township against a model list): which duties one has and
 * the other lacks, and which they file in a different table or category. Reviewers use it to spot a township
 * that forgot a duty its neighbours list. Place names are normalised away before matching, since every
 * township writes its own name (`本镇` / `本乡`, `奇台县…局`) into otherwise identical duties.
 */
export function comparePeers<T extends MatchableItem>(
  listA: readonly T[],
  listB: readonly T[],
  options: ComparePeersOptions = {},
): PeerComparison<T> {
  const placeNames = options.placeNames ?? [];
  const result = matchItems([...listA], [...listB], {
    normalizeName: (name) => stripPlaceNames(name, placeNames),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
  });
  const comparison: PeerComparison<T> = {
    matched: [],
    missing: result.unmatchedBefore.map((i) => listA[i]),
    extra: result.unmatchedAfter.map((j) => listB[j]),
    differentTable: [],
    differentCategory: [],
  };
  for (const pair of result.pairs) {
    const a = listA[pair.before];
    const b = listB[pair.after];
    const matched: PeerPair<T> = { a, b, method: pair.method, confidence: pair.confidence };
    comparison.matched.push(matched);
    if (a.table !== b.table) comparison.differentTable.push({ ...matched, table: { from: a.table, to: b.table } });
    if (a.category !== b.category) {
      comparison.differentCategory.push({ ...matched, category: { from: a.category, to: b.category } });
    }
  }
  return comparison;
}
