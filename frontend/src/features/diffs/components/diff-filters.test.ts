import { describe, expect, it } from 'vitest';
import { diffVersions, type ListDiff, type VersionItem } from '@dutylist/shared';
import { makeVersionItem } from '@/test/fixtures';
import { DEFAULT_DIFF_FILTERS, changeCounts, entryId, filterEntries, stepChange } from './diff-filters';

const item = (n: number, fields: Partial<VersionItem>) => makeVersionItem({ id: `id-${n}`, ...fields });

function diffOf(before: VersionItem[], after: VersionItem[]): ListDiff {
  const result = diffVersions(before, after);
  return {
    listId: 'list',
    from: null,
    to: { kind: 'draft', label: '当前草稿', updatedAt: '' },
    includeRenumbered: false,
    entries: result.entries,
    summary: result.summary,
    statedCounts: null,
    annotations: {},
  };
}

describe('diff filters and navigation', () => {
  const diff = diffOf(
    [
      item(1, { seq: 1, name: '甲' }),
      item(2, { seq: 2, name: '乙' }),
      item(3, { table: 'revoked', seq: 1, name: '丙' }),
    ],
    [
      item(4, { seq: 1, name: '新' }),
      item(1, { seq: 2, name: '甲' }),
      item(2, { seq: 3, name: '乙改' }),
      item(3, { table: 'revoked', seq: 1, name: '丙', category: '民生服务' }),
    ],
  );

  it('counts changes per table, leaving renumbered items out', () => {
    expect(changeCounts(diff)).toEqual({ basic: 2, cooperative: 0, revoked: 1 });
    expect(filterEntries(diff, DEFAULT_DIFF_FILTERS).map(entryId)).toEqual(['id-4', 'id-2', 'id-3']);
    expect(filterEntries(diff, { ...DEFAULT_DIFF_FILTERS, changedOnly: false }).map(entryId)).toEqual([
      'id-4',
      'id-1',
      'id-2',
      'id-3',
    ]);
    expect(filterEntries(diff, { ...DEFAULT_DIFF_FILTERS, category: '民生服务' }).map(entryId)).toEqual(['id-3']);
  });

  it('steps from the focused row to the next or previous change, skipping unchanged rows, and wraps', () => {
    const all = filterEntries(diff, { ...DEFAULT_DIFF_FILTERS, changedOnly: false });
    const next = (from: string | null) => stepChange(all, from, 1)?.after?.id;
    const previous = (from: string | null) => stepChange(all, from, -1)?.after?.id;
    expect(next(null)).toBe('id-4');
    expect(next('id-1')).toBe('id-2'); // from an unchanged row
    expect(next('id-3')).toBe('id-4'); // wraps
    expect(previous('id-4')).toBe('id-3');
    expect(previous('id-1')).toBe('id-4');
    expect(stepChange([], null, 1)).toBeNull();
  });
});
