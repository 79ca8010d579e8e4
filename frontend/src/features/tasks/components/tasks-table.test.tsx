import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Task } from '@dutylist/shared';
import { renderWithProviders } from '@/test/test-utils';
import { TasksTable } from './tasks-table';

const task = (overrides: Partial<Task>): Task => ({
  listId: '88888888-8888-4888-8888-000000000001',
  title: '阿合奇镇履职事项清单（2025年）',
  township: '阿合奇镇',
  county: '阿合奇县',
  stage: 'county_review',
  round: 2,
  task: '逐项审核',
  since: '2025-07-01T08:00:00.000Z',
  deadline: '2025-07-08T08:00:00.000Z',
  overdue: true,
  pending: 12,
  ...overrides,
});

describe('TasksTable', () => {
  it('links a reviewer to the review page and marks overdue tasks', () => {
    const onTime = task({
      listId: '88888888-8888-4888-8888-000000000002',
      title: '另一份清单',
      overdue: false,
      deadline: null,
      pending: 0,
    });
    renderWithProviders(<TasksTable tasks={[task({}), onTime]} forDrafter={false} />);
    const rows = screen.getAllByTestId('task-row');
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(within(first).getByTestId('task-link').getAttribute('href')).toBe(
      '/lists/88888888-8888-4888-8888-000000000001/review',
    );
    expect(first.textContent).toContain('逐项审核');
    expect(first.textContent).toContain('第2轮');
    expect(first.textContent).toContain('12 项');
    expect(within(first).getByTestId('overdue-tag').textContent).toBe('已逾期');
    expect(within(second).queryByTestId('overdue-tag')).toBeNull();
    expect(second.textContent).toContain('不限期');
    expect(screen.getByText('待审事项')).toBeTruthy();
  });

  it('links a drafter to the list itself', () => {
    renderWithProviders(<TasksTable tasks={[task({ stage: 'returned', task: '修改并重新报送' })]} forDrafter />);
    expect(screen.getByTestId('task-link').getAttribute('href')).toBe('/lists/88888888-8888-4888-8888-000000000001');
    expect(screen.getByText('待处理意见')).toBeTruthy();
  });
});
