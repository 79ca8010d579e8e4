import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LIST_FIXTURE_ID, makeListDetail } from '@/test/fixtures';
import { renderWithProviders } from '@/test/test-utils';
import { ListHeader } from './list-header';

describe('ListHeader', () => {
  it('says whose turn it is, flags an overdue stage and a return from above, and links to 审核记录', () => {
    const list = makeListDetail({
      stage: 'county_review',
      turn: { role: 'county_reviewer', orgUnit: { id: LIST_FIXTURE_ID, name: '阿合奇县' }, task: '逐项审核' },
      returnLevel: 'prefecture',
      deadline: '2025-07-05T08:00:00.000Z',
      overdue: true,
    });
    renderWithProviders(<ListHeader list={list} />);
    expect(screen.getByTestId('list-turn').textContent).toBe('等待 阿合奇县 县委编办审核人：逐项审核');
    expect(screen.getByTestId('overdue-tag').textContent).toBe('已逾期');
    expect(screen.getByTestId('return-level').textContent).toBe('州/地区编办退回');
    expect(screen.getByTestId('history-open').getAttribute('href')).toBe(`/lists/${LIST_FIXTURE_ID}/history`);
    expect(screen.queryByTestId('submit-list')).toBeNull();
  });

  it('offers 报送 to a drafter who may submit, and no overdue tag on time', () => {
    renderWithProviders(<ListHeader list={makeListDetail({ can: { submit: true } })} />);
    expect(screen.getByTestId('submit-list').textContent).toBe('报 送');
    expect(screen.queryByTestId('overdue-tag')).toBeNull();
    expect(screen.getByTestId('list-turn').textContent).toBe('等待 三台镇 乡镇起草人：起草并报送');
  });

  it('shows the deadline beside whose turn it is', () => {
    const list = makeListDetail({ deadline: '2025-07-05T08:00:00.000Z', overdue: true });
    renderWithProviders(<ListHeader list={list} />);
    expect(screen.getByTestId('list-turn-deadline').textContent).toContain('期限 2025-07-05');
  });

  it('offers 发起动态调整 only when the API says so, and marks an adjustment under way with the version in force', () => {
    const published = makeListDetail({
      stage: 'published',
      turn: null,
      inForce: { number: 3, label: '第3轮报送（3上）', publishedAt: '2025-08-01T08:00:00.000Z' },
    });
    const { unmount } = renderWithProviders(
      <ListHeader list={{ ...published, can: { ...published.can, startAdjustment: true } }} />,
    );
    expect(screen.getByTestId('adjustment-start').textContent).toBe('发起动态调整');
    expect(screen.getByTestId('list-in-force').textContent).toContain('第3版');
    unmount();

    renderWithProviders(
      <ListHeader
        list={{ ...published, stage: 'drafting', adjusting: true, cycle: { number: 2, kind: 'adjustment' } }}
      />,
    );
    expect(screen.queryByTestId('adjustment-start')).toBeNull();
    expect(screen.getByTestId('list-adjusting').textContent).toBe('第1次动态调整中');
  });
});
