import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DraftValidation, Feedback } from '@dutylist/shared';
import {
  LIST_FIXTURE_ID as LIST_ID,
  makeFeedback,
  makeListDetail,
  makeReviewState,
  makeVersionItem,
} from '@/test/fixtures';
import { mockFetch, renderWithProviders, type MockRoute } from '@/test/test-utils';
import { SubmitListButton } from './submit-list-button';

const item = makeVersionItem({ id: '77777777-7777-4777-8777-000000000001', seq: 2, name: '组织党员学习' });
const open = makeFeedback(item, { decision: 'returned', reason: '请细化' });
const answered = makeFeedback(
  item,
  { decision: 'returned', reason: '请细化', resolution: 'answered', response: '已细化' },
  { settled: true, status: 'answered' },
);
const validation: DraftValidation = {
  issues: [
    {
      severity: 'error',
      code: 'EMPTY_NAME',
      line: null,
      list: 'basic',
      seq: 4,
      message: '基本履职事项第 4 项缺少事项名称',
      itemId: null,
    },
    {
      severity: 'warning',
      code: 'COUNT',
      line: null,
      list: null,
      seq: null,
      message: '说明中的事项数与清单不符',
      itemId: null,
    },
  ],
  statedCounts: null,
};

function renderButton(feedback: Feedback[], routes: MockRoute[] = [], unresolvedThreads = 0) {
  const list = makeListDetail({ stage: 'returned', can: { submit: true, editItems: true, answerFeedback: true } });
  const review = makeReviewState({ feedback });
  const fetchMock = mockFetch([
    ...routes,
    { path: `/api/lists/${LIST_ID}/review`, body: { ...review, summary: { ...review.summary, unresolvedThreads } } },
    { path: `/api/lists/${LIST_ID}/validation`, body: validation },
  ]);
  renderWithProviders(<SubmitListButton list={list} />);
  return fetchMock;
}

const submitCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([input, init]) => init?.method === 'POST' && String(input).endsWith('/submit'));

describe('SubmitListButton', () => {
  it('is absent when the list may not be submitted', () => {
    mockFetch([]);
    renderWithProviders(<SubmitListButton list={makeListDetail({ can: { submit: false } })} />);
    expect(screen.queryByTestId('submit-list')).toBeNull();
  });

  it('lists open opinions, validation issues and threads, and keeps 确认报送 disabled while opinions are open', async () => {
    renderButton([open], [], 2);
    fireEvent.click(screen.getByTestId('submit-list'));
    const modal = await screen.findByTestId('submit-checklist');
    const feedbackRow = await within(modal).findByText('审核意见：还有 1 项未处理', undefined, { timeout: 5000 });
    expect(feedbackRow).toBeTruthy();
    expect(within(modal).getByTestId('checklist-open-feedback').textContent).toContain(
      '基本履职事项 第2项 组织党员学习',
    );
    await within(modal).findByText('清单校验：1 个错误，1 个警告');
    expect(within(modal).getByText('基本履职事项第 4 项缺少事项名称')).toBeTruthy();
    expect(within(modal).getByText('讨论：2 个尚未解决')).toBeTruthy();
    expect((screen.getByTestId('submit-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('submits with the note once every opinion is settled', async () => {
    const fetchMock = renderButton(
      [answered],
      [
        {
          method: 'POST',
          path: `/api/lists/${LIST_ID}/submit`,
          body: makeListDetail({ stage: 'submitted', round: 2 }),
        },
      ],
    );
    fireEvent.click(screen.getByTestId('submit-list'));
    await screen.findByText('审核意见：已全部处理', undefined, { timeout: 5000 });
    fireEvent.change(screen.getByTestId('submit-note'), { target: { value: '已按意见修改' } });
    const confirm = screen.getByTestId('submit-confirm') as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    await waitFor(() => expect(submitCalls(fetchMock)).toHaveLength(1));
    expect(JSON.parse(String(submitCalls(fetchMock)[0][1]?.body))).toEqual({ note: '已按意见修改' });
    await waitFor(() => expect(screen.queryByTestId('submit-checklist')).toBeNull());
  });

  it('shows the items the server still finds open on 409 OPEN_ITEMS', async () => {
    renderButton(
      [answered],
      [
        {
          method: 'POST',
          path: `/api/lists/${LIST_ID}/submit`,
          status: 409,
          body: {
            statusCode: 409,
            code: 'OPEN_ITEMS',
            message: '还有 1 个被退回的事项未修改或答复，不能报送',
            details: { items: [{ itemId: item.id, table: 'cooperative', seq: 9, name: '护林防火' }] },
          },
        },
      ],
    );
    fireEvent.click(screen.getByTestId('submit-list'));
    await screen.findByText('审核意见：已全部处理', undefined, { timeout: 5000 });
    const confirm = screen.getByTestId('submit-confirm') as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    const refused = await screen.findByTestId('submit-refused');
    expect(refused.textContent).toContain('配合履职事项 第9项 护林防火');
    expect(screen.getByTestId('submit-checklist')).toBeTruthy();
  });
});
