import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Feedback, ListDetail } from '@dutylist/shared';
import {
  LIST_FIXTURE_ID as LIST_ID,
  makeFeedback,
  makeItem,
  makeListDetail,
  makeReviewState,
  makeVersionItem,
} from '@/test/fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { FeedbackPanel } from './feedback-panel';

const returnedItem = makeVersionItem({ id: '66666666-6666-4666-8666-000000000001', seq: 3, name: '组织党员学习' });
const suggestedItem = makeVersionItem({ id: '66666666-6666-4666-8666-000000000002', seq: 5, name: '村务公开' });

const returned = makeFeedback(returnedItem, { decision: 'returned', reason: '职责表述不清，请细化' });
const suggested = makeFeedback(suggestedItem, {
  decision: 'suggested',
  reason: '名称不规范',
  suggestion: { fields: { name: '村务公开监督' }, table: 'cooperative' },
});
const answeredEarlier = makeFeedback(
  makeVersionItem({ id: '66666666-6666-4666-8666-000000000003', seq: 7, name: '民兵整组' }),
  { decision: 'returned', reason: '请核实', resolution: 'answered', response: '已与武装部核实' },
  { settled: true, status: 'answered' },
);

const returnedList = (answerFeedback = true): ListDetail =>
  makeListDetail({ stage: 'returned', can: { editItems: answerFeedback, answerFeedback, submit: answerFeedback } });

function renderPanel(list: ListDetail, feedback: Feedback[], extra: Parameters<typeof mockFetch>[0] = []) {
  const fetchMock = mockFetch([
    ...extra,
    { path: `/api/lists/${LIST_ID}/review`, body: makeReviewState({ feedback }) },
    {
      path: `/api/lists/${LIST_ID}/items`,
      body: { items: [makeItem({ id: returnedItem.id, table: 'basic', seq: 3, name: '组织党员学习' })] },
    },
  ]);
  renderWithProviders(<FeedbackPanel list={list} />);
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([input, init]) => ({ url: String(input), body: JSON.parse(String(init?.body)) as unknown }));

describe('FeedbackPanel', () => {
  it('lists each opinion with level, round, reason, suggestion and status, and sums up the round', async () => {
    renderPanel(returnedList(), [returned, suggested, answeredEarlier]);
    const panel = await screen.findByTestId('feedback-panel', undefined, { timeout: 5000 });
    expect(within(panel).getByTestId('feedback-summary').textContent).toBe('第1轮 退回 3 项，待处理 2 项');

    const entries = within(panel).getAllByTestId('feedback-entry');
    // Open ones first.
    expect(entries.map((e) => e.getAttribute('data-item-id'))).toEqual([
      returnedItem.id,
      suggestedItem.id,
      answeredEarlier.decision.itemId,
    ]);
    const [first, second, third] = entries;
    expect(first.textContent).toContain('县委编办');
    expect(first.textContent).toContain('第1轮');
    expect(first.textContent).toContain('基本履职事项 第3项');
    expect(first.textContent).toContain('职责表述不清，请细化');
    expect(within(first).getByTestId('feedback-status').textContent).toBe('待处理');

    const suggestion = within(second).getByTestId('feedback-suggestion');
    expect(suggestion.textContent).toContain('事项名称：村务公开 → 村务公开监督');
    expect(suggestion.textContent).toContain('移至 配合履职事项清单');

    expect(within(third).getByTestId('feedback-status').textContent).toBe('已说明');
    expect(within(third).getByTestId('feedback-response').textContent).toContain('已与武装部核实');

    // A return gets 说明 and 去修改; a suggestion 采纳建议 and 不采纳.
    expect(within(first).getByTestId('feedback-answer')).toBeTruthy();
    expect(within(first).queryByTestId('feedback-accept')).toBeNull();
    expect(within(first).getByTestId('feedback-edit')).toBeTruthy();
    expect(within(second).getByTestId('feedback-accept')).toBeTruthy();
    expect(within(second).getByTestId('feedback-reject')).toBeTruthy();
  });

  it('accepts a suggestion in one click', async () => {
    const fetchMock = renderPanel(
      returnedList(),
      [suggested],
      [
        {
          method: 'POST',
          path: `/api/lists/${LIST_ID}/decisions/${suggested.decision.id}/accept`,
          body: { ...suggested, settled: true, status: 'accepted' },
        },
      ],
    );
    fireEvent.click(await screen.findByTestId('feedback-accept', undefined, { timeout: 5000 }));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
    expect(posts(fetchMock)[0]).toEqual({
      url: `/api/lists/${LIST_ID}/decisions/${suggested.decision.id}/accept`,
      body: {},
    });
  });

  it('requires a reason to reject a suggestion, then posts it', async () => {
    const fetchMock = renderPanel(
      returnedList(),
      [suggested],
      [
        {
          method: 'POST',
          path: `/api/lists/${LIST_ID}/decisions/${suggested.decision.id}/reject`,
          body: { ...suggested, settled: true, status: 'rejected' },
        },
      ],
    );
    fireEvent.click(await screen.findByTestId('feedback-reject', undefined, { timeout: 5000 }));
    fireEvent.click(await screen.findByTestId('feedback-confirm'));
    await screen.findByText('请填写不采纳的理由');
    expect(posts(fetchMock)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('feedback-text'), { target: { value: '  原名称为法定表述  ' } });
    fireEvent.click(screen.getByTestId('feedback-confirm'));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
    expect(posts(fetchMock)[0].body).toEqual({ reason: '原名称为法定表述' });
  });

  it('answers a return with a 说明', async () => {
    const fetchMock = renderPanel(
      returnedList(),
      [returned],
      [
        {
          method: 'POST',
          path: `/api/lists/${LIST_ID}/decisions/${returned.decision.id}/answer`,
          body: { ...returned, settled: true, status: 'answered' },
        },
      ],
    );
    fireEvent.click(await screen.findByTestId('feedback-answer', undefined, { timeout: 5000 }));
    fireEvent.change(await screen.findByTestId('feedback-text'), { target: { value: '该职责已在第5项细化' } });
    fireEvent.click(screen.getByTestId('feedback-confirm'));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
    expect(posts(fetchMock)[0]).toEqual({
      url: `/api/lists/${LIST_ID}/decisions/${returned.decision.id}/answer`,
      body: { text: '该职责已在第5项细化' },
    });
  });

  it('opens the item form from 去修改', async () => {
    renderPanel(returnedList(), [returned]);
    // The items load beside the review state; wait for them before asking for the form.
    await screen.findByTestId('feedback-edit', undefined, { timeout: 5000 });
    await waitFor(() => {
      fireEvent.click(screen.getByTestId('feedback-edit'));
      expect(screen.getByTestId('item-form-modal')).toBeTruthy();
    });
    expect((screen.getByTestId('item-name') as HTMLTextAreaElement).value).toBe('组织党员学习');
  });

  it('shows opinions without actions when the list may not be answered', async () => {
    renderPanel(returnedList(false), [returned, suggested]);
    await screen.findByTestId('feedback-panel', undefined, { timeout: 5000 });
    expect(screen.getAllByTestId('feedback-entry')).toHaveLength(2);
    expect(screen.queryByTestId('feedback-accept')).toBeNull();
    expect(screen.queryByTestId('feedback-answer')).toBeNull();
    expect(screen.queryByTestId('feedback-edit')).toBeNull();
  });

  it('renders nothing when the round has no opinions', async () => {
    const fetchMock = renderPanel(returnedList(), []);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('feedback-panel')).toBeNull();
  });
});
