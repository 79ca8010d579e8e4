import type { ListTable } from '../enums';
import { bigrams, diceSimilarity, normalizeForMatch } from './normalize-for-match';

/** What matching needs of an item: where it is and what it says. */
export interface MatchableItem {
  table: ListTable;
  category: string | null;
  name: string;
  departments?: string[];
  upperDuties?: string;
  townshipDuties?: string;
  undertaker?: string;
}

export interface ItemPair {
  /** Index in `before`. */
  before: number;
  /** Index in `after`. */
  after: number;
  /** 1 for the same normalised text; the similarity otherwise. */
  confidence: number;
  method: 'exact' | 'similar';
}

export interface MatchResult {
  pairs: ItemPair[];
  /** Indexes in `before` with no partner (removed). */
  unmatchedBefore: number[];
  /** Indexes in `after` with no partner (added). */
  unmatchedAfter: number[];
}

export interface MatchOptions {
  /** Lowest similarity accepted as the same item. */
  threshold?: number;
  /** Normalise names before comparing (e.g. strip place names for peer comparison). */
  normalizeName?: (name: string) => string;
}

/** The text an item is recognised by: its name, then its duties as a tie-breaker. */
function keyOf(item: MatchableItem, normalizeName: (s: string) => string): { name: string; body: string } {
  return {
    name: normalizeForMatch(normalizeName(item.name)),
    body: normalizeForMatch([item.upperDuties ?? '', item.townshipDuties ?? '', item.undertaker ?? ''].join('')),
  };
}

/**
 * Pairs the items of two versions that do not share ids (two documents, a document and a draft, two
 * townships): first the same normalised name (same table first, then any table: a move), then the most
 * similar names above the threshold, best pairs first. Every item ends up in exactly one place.
 */
export function matchItems(before: MatchableItem[], after: MatchableItem[], options: MatchOptions = {}): MatchResult {
  const threshold = options.threshold ?? 0.6;
  const normalizeName = options.normalizeName ?? ((s: string) => s);
  const keysBefore = before.map((i) => keyOf(i, normalizeName));
  const keysAfter = after.map((i) => keyOf(i, normalizeName));
  const takenBefore = new Set<number>();
  const takenAfter = new Set<number>();
  const pairs: ItemPair[] = [];

  // 1. Exact normalised names: prefer a partner in the same table, in document order.
  const byName = new Map<string, number[]>();
  keysBefore.forEach((k, i) => byName.set(k.name, [...(byName.get(k.name) ?? []), i]));
  for (const sameTable of [true, false]) {
    after.forEach((item, j) => {
      if (takenAfter.has(j)) return;
      const candidates = (byName.get(keysAfter[j].name) ?? []).filter(
        (i) => !takenBefore.has(i) && (!sameTable || before[i].table === item.table),
      );
      if (candidates.length === 0) return;
      const i = candidates[0];
      takenBefore.add(i);
      takenAfter.add(j);
      pairs.push({ before: i, after: j, confidence: 1, method: 'exact' });
    });
  }

  // 2. Similar names (body breaks near-ties), best first.
  const restBefore = before.map((_, i) => i).filter((i) => !takenBefore.has(i));
  const restAfter = after.map((_, j) => j).filter((j) => !takenAfter.has(j));
  if (restBefore.length && restAfter.length) {
    const gramsBefore = new Map(restBefore.map((i) => [i, bigrams(keysBefore[i].name)]));
    const bodyBefore = new Map(restBefore.map((i) => [i, bigrams(keysBefore[i].body)]));
    const candidates: { i: number; j: number; score: number; rank: number }[] = [];
    for (const j of restAfter) {
      const gj = bigrams(keysAfter[j].name);
      const bj = bigrams(keysAfter[j].body);
      for (const i of restBefore) {
        const score = diceSimilarity(gramsBefore.get(i)!, gj);
        if (score < threshold) continue;
        const body = diceSimilarity(bodyBefore.get(i)!, bj);
        const sameTable = before[i].table === after[j].table ? 0.01 : 0;
        candidates.push({ i, j, score, rank: score + 0.05 * body + sameTable });
      }
    }
    candidates.sort((x, y) => y.rank - x.rank || x.j - y.j || x.i - y.i);
    for (const c of candidates) {
      if (takenBefore.has(c.i) || takenAfter.has(c.j)) continue;
      takenBefore.add(c.i);
      takenAfter.add(c.j);
      pairs.push({ before: c.i, after: c.j, confidence: Math.round(c.score * 1000) / 1000, method: 'similar' });
    }
  }

  pairs.sort((a, b) => a.after - b.after);
  return {
    pairs,
    unmatchedBefore: before.map((_, i) => i).filter((i) => !takenBefore.has(i)),
    unmatchedAfter: after.map((_, j) => j).filter((j) => !takenAfter.has(j)),
  };
}
