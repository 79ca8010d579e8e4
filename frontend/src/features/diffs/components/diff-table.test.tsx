import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { diffVersions, type ListDiff, type VersionItem } from '@dutylist/shared';
import { makeVersionItem } from '@/test/fixtures';
import { DiffTable, VIRTUAL_THRESHOLD } from './diff-table';

function bigDiff(n: number): ListDiff {
  const before: VersionItem[] = Array.from({ length: n }, (_, i) =>
    makeVersionItem({ id: `id-${i}`, seq: i + 1, name: `负责本镇第${i + 1}项工作` }),
  );
  const after = before.map((item) => ({ ...item, name: item.name.replace('本镇', '全镇') }));
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

describe('DiffTable with 300+ items', () => {
  it('is virtualised: only the rows in view are rendered, with their highlights', () => {
    const diff = bigDiff(320);
    const { container } = render(
      <DiffTable
        diff={diff}
        table="basic"
        entries={diff.entries}
        mode="inline"
        focusedId={null}
        onFocus={() => undefined}
        height={600}
        emptyText=""
      />,
    );
    expect(diff.entries.length).toBeGreaterThan(VIRTUAL_THRESHOLD);
    expect(container.querySelector('.ant-table-tbody-virtual')).toBeTruthy();
    const rendered = container.querySelectorAll('[data-testid="diff-row"]').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(container.querySelectorAll('[data-testid="diff-ins"]').length).toBe(rendered);
  });
});
