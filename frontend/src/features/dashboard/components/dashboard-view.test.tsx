import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DashboardRow } from '@dutylist/shared';
import { renderWithProviders } from '@/test/test-utils';
import { buildDashboardTree, totalsOf } from './dashboard-grouping';
import { DashboardView } from './dashboard-view';

let n = 0;
const org = (name: string) => ({
  id: `aaaaaaaa-aaaa-4aaa-8aaa-${name.length.toString().padStart(4, '0')}${String(name.charCodeAt(0)).padStart(8, '0')}`,
  name,
});

function row(
  township: string,
  county: string,
  prefecture: string,
  overrides: Partial<DashboardRow> = {},
): DashboardRow {
  n += 1;
  return {
    listId: `bbbbbbbb-bbbb-4bbb-8bbb-${String(n).padStart(12, '0')}`,
    title: `${township}履职事项清单（2025年）`,
    township: org(township),
    county: org(county),
    prefecture: org(prefecture),
    stage: 'county_review',
    round: 1,
    maxRounds: 3,
    turn: { role: 'county_reviewer', orgUnit: org(county), task: '逐项审核' },
    items: { total: 10, approved: 6, returned: 2, open: 2 },
    unresolvedThreads: 1,
    deadline: null,
    overdue: false,
    updatedAt: '2025-07-01T08:00:00.000Z',
    ...overrides,
  };
}

const rows = [
  row('阿合奇镇', '阿合奇县', '克孜勒苏柯尔克孜自治州', { overdue: true }),
  row('碧流河镇', '奇台县', '昌吉回族自治州', {
    stage: 'county_approved',
    items: { total: 10, approved: 10, returned: 0, open: 0 },
  }),
  row('三台镇', '吉木萨尔县', '昌吉回族自治州'),
  row('白杨河乡', '吉木萨尔县', '昌吉回族自治州', { stage: 'returned' }),
];

describe('dashboard grouping', () => {
  it('groups the region by prefecture, then county', () => {
    const tree = buildDashboardTree(rows, 'prefecture');
    expect(tree.map((g) => (g.kind === 'group' ? g.name : '?'))).toEqual(['昌吉回族自治州', '克孜勒苏柯尔克孜自治州']);
    const changji = tree[0];
    if (changji.kind !== 'group') throw new Error('group expected');
    expect(changji.totals).toMatchObject({ lists: 3, countyApproved: 1, items: { total: 30, approved: 22 } });
    expect(changji.children.map((c) => (c.kind === 'group' ? [c.name, c.children.length] : null))).toEqual([
      ['吉木萨尔县', 2],
      ['奇台县', 1],
    ]);
  });

  it('sums the totals', () => {
    expect(totalsOf(rows)).toEqual({
      lists: 4,
      countyApproved: 1,
      overdue: 1,
      items: { total: 40, approved: 28, returned: 6, open: 6 },
      unresolvedThreads: 4,
    });
  });
});

describe('DashboardView', () => {
  it('shows a county summary and rows grouped by county for a prefecture, filtered by overdue', () => {
    renderWithProviders(<DashboardView rows={rows} grouping="county" />);
    const summary = screen.getByTestId('dashboard-summary');
    expect(within(summary).getByText('各县')).toBeTruthy();
    expect(within(summary).getByText('吉木萨尔县')).toBeTruthy();
    expect(screen.getAllByTestId('dashboard-group')).toHaveLength(3);
    expect(screen.getAllByTestId('dashboard-row')).toHaveLength(4);

    fireEvent.click(screen.getByText('只看逾期'));
    const remaining = screen.getAllByTestId('dashboard-row');
    expect(remaining).toHaveLength(1);
    expect(remaining[0].textContent).toContain('阿合奇镇');
    expect(within(remaining[0]).getByTestId('overdue-tag')).toBeTruthy();
  });

  it('lists every township flat for a county, with stage, round and progress', () => {
    renderWithProviders(<DashboardView rows={rows.slice(2)} grouping="none" />);
    expect(screen.queryByTestId('dashboard-summary')).toBeNull();
    const [first, second] = screen.getAllByTestId('dashboard-row');
    // Sorted by township name (pinyin): 白杨河乡 before 三台镇.
    expect(first.textContent).toContain('白杨河乡已退回修改');
    expect(second.textContent).toContain('三台镇县级审核中');
    expect(first.textContent).toContain('1/3');
    expect(first.textContent).toContain('通过 6 · 退回 2 · 待审 2 / 10');
    expect(first.textContent).toContain('吉木萨尔县 县委编办审核人');
  });
});
