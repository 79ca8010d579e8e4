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
});
