import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { diffVersions, type ItemDecision, type ListDiff, type VersionItem } from '@dutylist/shared';
import { DiffPage } from '@/app/routes/diff-page';
import { LIST_FIXTURE_ID as LIST_ID, makeListDetail, makeUserRef, makeVersionItem } from '@/test/fixtures';
import { renderWithProviders } from '@/test/test-utils';

const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;
const item = (n: number, fields: Partial<VersionItem>) => makeVersionItem({ id: id(n), ...fields });

const BEFORE = [
  item(1, { seq: 1, name: '负责本镇党建工作' }),
  item(2, { seq: 2, name: '负责本镇网络安全宣传教育工作' }),
  item(3, { seq: 3, name: '负责本镇殡葬管理', category: '民生服务' }),
  item(4, { seq: 4, name: '负责本镇养老服务', category: '民生服务' }),
  item(5, { table: 'revoked', seq: 1, name: '收回的事项', category: '自然资源' }),
];
const AFTER = [
  item(9, { seq: 1, name: '新增的党建事项' }),
  item(1, { seq: 2, name: '负责本镇党建工作' }),
  item(2, { seq: 3, name: '负责全镇网络安全宣传教育和培训工作' }),
  item(4, { seq: 4, name: '负责本镇养老服务', category: '社会保障' }),
  item(5, { table: 'revoked', seq: 1, name: '收回的事项', category: '自然资源' }),
  item(3, { table: 'revoked', seq: 2, name: '负责本镇殡葬管理', category: '民生服务' }),
];

const returned: ItemDecision = {
  id: 'dddddddd-dddd-4ddd-8ddd-000000000001',
  itemId: id(2),
  level: 'county',
  decision: 'returned',
  reason: '表述不准确',
  suggestion: null,
  round: 1,
  versionNumber: 1,
  reviewer: makeUserRef(),
  carriedOver: false,
  resolution: 'answered',
  response: '已改为全镇',
  respondedAt: '2025-07-02T08:00:00.000Z',
  createdAt: '2025-07-01T08:00:00.000Z',
};

function listDiff(includeRenumbered: boolean): ListDiff {
  const result = diffVersions(BEFORE, AFTER, { includeRenumbered });
  return {
    listId: LIST_ID,
    from: {
      kind: 'version',
      version: { number: 1, round: 1, label: '第1轮报送（1上）', createdAt: '2025-07-01T08:00:00.000Z' },
    },
    to: {
      kind: 'version',
      version: { number: 2, round: 2, label: '第2轮报送（2上）', createdAt: '2025-07-05T08:00:00.000Z' },
    },
    includeRenumbered,
    entries: result.entries,
    summary: result.summary,
    statedCounts: null,
    annotations: {
      [id(2)]: { decisions: [], fromDecisions: [returned], openThreads: 0 },
      [id(4)]: { decisions: [], fromDecisions: [], openThreads: 2 },
    },
  };
}

const list = makeListDetail({
  versions: [
    { number: 1, round: 1, cycle: 1, label: '第1轮报送（1上）', createdAt: '2025-07-01T08:00:00.000Z' },
    { number: 2, round: 2, cycle: 1, label: '第2轮报送（2上）', createdAt: '2025-07-05T08:00:00.000Z' },
  ],
});

function renderDiffPage() {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      requests.push(url);
      const body =
        url.pathname === `/api/lists/${LIST_ID}`
          ? list
          : url.pathname === `/api/lists/${LIST_ID}/diff`
            ? listDiff(url.searchParams.get('includeRenumbered') === 'true')
            : null;
      return body
        ? new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: '未找到' }), { status: 404 });
    }),
  );
  renderWithProviders(
    <Routes>
      <Route path="/lists/:listId/diff" element={<DiffPage />} />
    </Routes>,
    { route: `/lists/${LIST_ID}/diff` },
  );
  return requests;
}

/** The first render of antd's tables is slow on a busy machine. */
const ready = () => screen.findByText('新增的党建事项', undefined, { timeout: 10_000 });
const rows = () => screen.getAllByTestId('diff-row');
const row = (n: number) => document.querySelector(`[data-testid="diff-row"][data-item-id="${id(n)}"]`) as HTMLElement;

describe('DiffPage', () => {
  beforeAll(() => {
    // jsdom does no layout: the focused row is scrolled into view for real only in a browser.
    Element.prototype.scrollIntoView = vi.fn();
  });

  it('shows only the changes by default, with word-level highlights; renumbering is not a change', async () => {
    renderDiffPage();
    await ready();
    expect(screen.getByTestId('diff-page')).toBeTruthy();
    expect(screen.getByTestId('diff-tab-basic').textContent).toBe('基本履职事项 3');
    expect(screen.getByTestId('diff-tab-revoked').textContent).toBe('上级部门收回事项 1');
    expect(rows().map((r) => [r.dataset.itemId, r.dataset.status])).toEqual([
      [id(9), 'added'],
      [id(2), 'changed'],
      [id(4), 'changed'],
    ]);
    // 负责[本→全]镇网络安全宣传教育[和培训]工作
    expect(
      within(row(2))
        .getAllByTestId('diff-del')
        .map((e) => e.textContent),
    ).toEqual(['本']);
    expect(
      within(row(2))
        .getAllByTestId('diff-ins')
        .map((e) => e.textContent),
    ).toEqual(['全', '和培训']);
    expect(within(row(2)).getByTestId('diff-previous-decision').textContent).toBe(
      '上轮退回修改：表述不准确（答复：已改为全镇）',
    );
    expect(within(row(4)).getByTestId('badge-category').textContent).toBe('类别变更');
    expect(within(row(4)).getByTestId('diff-threads').textContent).toBe('未解决讨论 2');
    expect(row(1)).toBeNull(); // renumbered 1 → 2 only
    expect(screen.getByTestId('diff-summary').textContent).toContain(
      '新增 1 项，删除 0 项，修改 1 项，移动 1 项，类别变更 1 项',
    );

    // 只看变化 off: the renumbered item is there, unchanged and without a badge.
    fireEvent.click(screen.getByTestId('diff-changed-only'));
    expect(row(1).dataset.status).toBe('unchanged');
    expect(within(row(1)).queryByTestId('badge-renumbered')).toBeNull();
    expect(within(row(1)).getAllByRole('cell')[0].textContent).toBe('1→2');
  });

  it('badges a moved item in its new table, and marks renumbering only when asked', async () => {
    const requests = renderDiffPage();
    await ready();
    fireEvent.click(screen.getByTestId('diff-tab-revoked'));
    await waitFor(() => expect(row(3)).toBeTruthy());
    expect(within(row(3)).getByTestId('badge-moved').textContent).toBe('移入上级部门收回事项');

    fireEvent.click(screen.getByTestId('diff-tab-basic'));
    fireEvent.click(screen.getByTestId('diff-show-renumbered'));
    await waitFor(() => expect(row(1)).toBeTruthy());
    expect(row(1).dataset.status).toBe('renumbered');
    expect(within(row(1)).getByTestId('badge-renumbered').textContent).toBe('仅序号变化');
    expect(requests.some((u) => u.searchParams.get('includeRenumbered') === 'true')).toBe(true);
  });

  it('filters by 已退回, 有未解决讨论 and category; switches to side by side', async () => {
    renderDiffPage();
    await ready();
    fireEvent.click(screen.getByTestId('diff-filter-returned'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual([id(2)]);
    fireEvent.click(screen.getByTestId('diff-filter-returned'));
    fireEvent.click(screen.getByTestId('diff-filter-threads'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual([id(4)]);
    fireEvent.click(screen.getByTestId('diff-filter-threads'));

    fireEvent.click(within(screen.getByTestId('diff-mode')).getByText('左右对照'));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['原内容（第1版）', '新内容（第2版）']),
    );
    const [before, after] = within(row(2)).getAllByTestId('diff-content');
    expect(before.dataset.side).toBe('before');
    expect(within(before).queryAllByTestId('diff-ins')).toHaveLength(0);
    expect(within(before).getAllByTestId('diff-del')).toHaveLength(1);
    expect(within(after).queryAllByTestId('diff-del')).toHaveLength(0);
    expect(within(after).getAllByTestId('diff-ins')).toHaveLength(2);
  });

  it('steps through the changes with n / j and p / k, across tables', async () => {
    renderDiffPage();
    await ready();
    const focused = () => document.querySelector('.diff-row-focused')?.getAttribute('data-item-id');
    fireEvent.keyDown(window, { key: 'n' });
    expect(focused()).toBe(id(9));
    fireEvent.keyDown(window, { key: 'j' });
    expect(focused()).toBe(id(2));
    fireEvent.keyDown(window, { key: 'n' });
    expect(focused()).toBe(id(4));
    fireEvent.keyDown(window, { key: 'n' }); // on to the revoked table
    await waitFor(() => expect(focused()).toBe(id(3)));
    fireEvent.keyDown(window, { key: 'k' });
    await waitFor(() => expect(focused()).toBe(id(4)));
    fireEvent.keyDown(window, { key: 'p' });
    expect(focused()).toBe(id(2));
  });
});
