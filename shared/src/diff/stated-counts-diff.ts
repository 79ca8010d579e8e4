import { type StatedCounts, parseStatedCounts } from '../document/title-block';

/** Stated counts as parsed, or the 说明 text (one string or its lines) to read them from. */
export type StatedCountsInput = StatedCounts | string | readonly string[] | null;

export const STATED_COUNT_KEYS = ['basic', 'cooperative', 'revoked', 'total'] as const;
export type StatedCountKey = (typeof STATED_COUNT_KEYS)[number];

export interface StatedCountChange {
  key: StatedCountKey;
  before: number | null;
  after: number | null;
}

export interface StatedCountsDiff {
  before: StatedCounts | null;
  after: StatedCounts | null;
  /** Only the counts that differ; empty when the 说明 states the same numbers. */
  changes: StatedCountChange[];
}

function toStatedCounts(input: StatedCountsInput | undefined): StatedCounts | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return parseStatedCounts(input.split(/\r?\n/));
  if ('basic' in input) return input;
  return parseStatedCounts([...input]);
}

/**
 * How the counts stated in the 说明 changed between two versions. The 说明 must agree with the tables, so a
 * reviewer checks that a change in the tables comes with the matching change in the stated numbers.
 */
export function diffStatedCounts(
  before: StatedCountsInput | undefined,
  after: StatedCountsInput | undefined,
): StatedCountsDiff {
  const countsBefore = toStatedCounts(before);
  const countsAfter = toStatedCounts(after);
  const changes: StatedCountChange[] = [];
  for (const key of STATED_COUNT_KEYS) {
    const b = countsBefore?.[key] ?? null;
    const a = countsAfter?.[key] ?? null;
    if (a !== b) changes.push({ key, before: b, after: a });
  }
  return { before: countsBefore, after: countsAfter, changes };
}
