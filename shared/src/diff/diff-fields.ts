import type { DiffableItem } from './diffable-item';
import { type TextDiffSegment, diffText } from './diff-text';

/** The free-text fields of an item, compared character by character. */
export const DIFF_TEXT_FIELDS = ['name', 'upperDuties', 'townshipDuties', 'undertaker'] as const;
export type DiffTextField = (typeof DIFF_TEXT_FIELDS)[number];

/** The content fields whose change makes an item `modified` (table, category and seq are reported apart). */
export type DiffField = DiffTextField | 'departments';

export interface TextFieldChange {
  field: DiffTextField;
  before: string;
  after: string;
  segments: TextDiffSegment[];
}

export interface DepartmentsChange {
  field: 'departments';
  before: string[];
  after: string[];
  /** Departments named after but not before. */
  added: string[];
  /** Departments named before but not after. */
  removed: string[];
}

export type FieldChange = TextFieldChange | DepartmentsChange;

type FieldSource = Pick<DiffableItem, DiffTextField | 'departments'>;

/** Entries of `a` not matched by an equal entry of `b` (multiset difference, order kept). */
function subtract(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const d of b) left.set(d, (left.get(d) ?? 0) + 1);
  return a.filter((d) => {
    const n = left.get(d) ?? 0;
    if (n === 0) return true;
    left.set(d, n - 1);
    return false;
  });
}

/**
 * The content fields that differ between two versions of one item. Only fields that differ are char-diffed
 * (the expensive step), which keeps a whole-list diff within a few milliseconds. Departments are compared as a
 * set of names: listing the same departments in another order is not a change a reviewer needs to see.
 */
export function diffItemFields(before: FieldSource, after: FieldSource): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DIFF_TEXT_FIELDS) {
    if (before[field] === after[field]) continue;
    changes.push({
      field,
      before: before[field],
      after: after[field],
      segments: diffText(before[field], after[field]),
    });
  }
  const departmentsBefore = before.departments.map((d) => d.trim());
  const departmentsAfter = after.departments.map((d) => d.trim());
  const added = subtract(departmentsAfter, departmentsBefore);
  const removed = subtract(departmentsBefore, departmentsAfter);
  if (added.length > 0 || removed.length > 0) {
    changes.push({ field: 'departments', before: before.departments, after: after.departments, added, removed });
  }
  return changes;
}
