import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LIST_FIXTURE_ID as LIST_ID } from '@/test/fixtures';
import { reviewList, reviewState, reviewerAbilities, sentBodies, thread } from '@/test/review-fixtures';
import { mockFetch, renderWithProviders, type MockRoute } from '@/test/test-utils';
import { ReviewPage } from './review-page';

const base = `/api/lists/${LIST_ID}`;

function renderReviewPage(routes: MockRoute[] = [], list = reviewList(), state = reviewState()) {
  const fetchMock = mockFetch([
    ...routes,
    { path: base, body: list },
    { path: `${base}/review`, body: state },
    { path: `${base}/participants`, body: [] },
  ]);
  renderWithProviders(
    <Routes>
      <Route path="/lists/:listId/review" element={<ReviewPage />} />
    </Routes>,
    { route: `/lists/${LIST_ID}/review` },
  );
  return fetchMock;
}

const rows = () => screen.getAllByTestId('review-row');
const rowOf = (name: string) => screen.getByText(name).closest('[data-testid="review-row"]') as HTMLElement;

describe('ReviewPage', () => {
  it('shows the round, its counts, the changes and every decision; actions only from list.can', async () => {
    renderReviewPage();
    await screen.findByText('新增的事项');
    expect(screen.getByTestId('review-page')).toBeTruthy();
    expect(screen.getByTestId('review-round').textContent).toBe('第2轮');
    expect(screen.getByTestId('review-version').textContent).toContain('第2轮报送（2上）');
    expect(screen.getByTestId('overdue-tag').textContent).toBe('已逾期');
    expect(within(screen.getByTestId('summary-undecided')).getByText('3')).toBeTruthy();
    expect(within(screen.getByTestId('summary-changed')).getByText('2')).toBeTruthy();

    expect(screen.getByTestId('return-round')).toBeTruthy();
    expect(screen.getByTestId('approve-list')).toBeTruthy();
    expect(screen.queryByTestId('start-review')).toBeNull();
    expect(screen.queryByTestId('sign-off')).toBeNull();
    expect(screen.queryByTestId('publish-list')).toBeNull();
    expect(screen.queryByTestId('return-items')).toBeNull();

    expect(rows()).toHaveLength(4); // the basic table
    expect(within(rowOf('新增的事项')).getByTestId('change-badge').textContent).toBe('新增');
    const modified = rowOf('修改后的事项名称');
    expect(within(modified).getByTestId('change-badge').textContent).toBe('有修改');
    expect(within(modified).getByTestId('changed-field').textContent).toBe('事项名称');
    const carried = rowOf('上轮已通过的事项');
    expect(within(carried).getByTestId('decision-tag').textContent).toBe('县委编办：通过');
    expect(within(carried).getByTestId('carried-tag').textContent).toBe('沿用第1轮通过');
    expect(screen.getByTestId('review-tab-cooperative').textContent).toBe('配合履职事项 (1)');
  });

  it('filters combine: 有变化, 未审核, and the tables count what is left', async () => {
    renderReviewPage();
    await screen.findByText('新增的事项');
    fireEvent.click(screen.getByTestId('filter-changed'));
    expect(rows().map((row) => row.textContent)).toEqual([
      expect.stringContaining('新增的事项'),
      expect.stringContaining('修改后的事项名称'),
    ]);
    expect(screen.getByTestId('review-tab-cooperative').textContent).toBe('配合履职事项 (0/1)');
    fireEvent.click(screen.getByTestId('filter-changed'));
    fireEvent.click(screen.getByTestId('filter-undecided'));
    expect(rows()).toHaveLength(3);
    fireEvent.click(screen.getByTestId('filter-undecided'));
    fireEvent.click(screen.getByTestId('filter-returned'));
    expect(screen.getByText('没有符合筛选条件的事项')).toBeTruthy();
    fireEvent.click(screen.getByTestId('review-tab-cooperative'));
    expect(await screen.findByText('配合开展人口普查')).toBeTruthy();
    expect(screen.getByText('配合职责写得太笼统')).toBeTruthy();
    expect(within(rowOf('配合开展人口普查')).getByTestId('decision-tag').textContent).toBe('县委编办：退回修改');
  });

  it('approves one item, and approves every unchanged undecided item in one request', async () => {
    const state = reviewState();
    const fetchMock = renderReviewPage([
      { method: 'POST', path: /\/items\/[^/]+\/decision$/, body: {} },
      { method: 'POST', path: `${base}/decisions`, body: { decisions: [{}], skipped: [] } },
    ]);
    await screen.findByText('新增的事项');
    fireEvent.click(within(rowOf('新增的事项')).getByTestId('decide-approve'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/items/${state.items[0].item.id}/decision`)).toEqual([
        { decision: 'approved' },
      ]),
    );
    fireEvent.click(screen.getByTestId('approve-unchanged'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/decisions`)).toEqual([
        { itemIds: [state.items[2].item.id], decision: 'approved' },
      ]),
    );
    expect(await screen.findByText('已通过 1 个未变化事项')).toBeTruthy();
  });

  it('returns an item only with a reason, and changing a decision sends replaces', async () => {
    const state = reviewState();
    const cooperative = state.items[4];
    const fetchMock = renderReviewPage([{ method: 'POST', path: /\/decision$/, body: {} }], reviewList(), state);
    await screen.findByText('新增的事项');
    fireEvent.click(within(rowOf('修改后的事项名称')).getByTestId('decide-return'));
    fireEvent.click(await screen.findByTestId('decision-confirm'));
    expect(await screen.findByText('请填写退回理由', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: '名称与职责不符' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/items/${state.items[1].item.id}/decision`)).toEqual([
        { decision: 'returned', reason: '名称与职责不符' },
      ]),
    );

    fireEvent.click(screen.getByTestId('review-tab-cooperative'));
    fireEvent.click(within(await screen.findByTestId('review-row')).getByTestId('decide-approve'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/items/${cooperative.item.id}/decision`)).toEqual([
        { decision: 'approved', replaces: cooperative.decisions[0].id },
      ]),
    );
  });

  it('tells the reviewer when someone else decided first (409 DECISION_CONFLICT) and refetches', async () => {
    const fetchMock = renderReviewPage([
      {
        method: 'POST',
        path: /\/decision$/,
        status: 409,
        body: { statusCode: 409, code: 'DECISION_CONFLICT', message: '该事项已由他人作出审核决定，请刷新后再修改' },
      },
    ]);
    await screen.findByText('新增的事项');
    const reviewCalls = () => sentBodies(fetchMock, 'GET', `${base}/review`).length;
    const before = reviewCalls();
    fireEvent.click(within(rowOf('新增的事项')).getByTestId('decide-approve'));
    expect(await screen.findByText(/已由他人作出审核决定，已刷新/)).toBeTruthy();
    await waitFor(() => expect(reviewCalls()).toBeGreaterThan(before));
  });

  it('suggests a concrete change: only the changed fields are sent', async () => {
    const state = reviewState();
    const fetchMock = renderReviewPage([{ method: 'POST', path: /\/decision$/, body: {} }], reviewList(), state);
    await screen.findByText('新增的事项');
    fireEvent.click(within(rowOf('没有变化的事项')).getByTestId('decide-suggest'));
    fireEvent.change(await screen.findByTestId('suggest-name'), { target: { value: '建议的新名称' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/items/${state.items[2].item.id}/decision`)).toEqual([
        { decision: 'suggested', suggestion: { fields: { name: '建议的新名称' } } },
      ]),
    );
  });

  it('moves between rows with j/k and approves the focused row with a', async () => {
    const state = reviewState();
    const fetchMock = renderReviewPage([{ method: 'POST', path: /\/decision$/, body: {} }], reviewList(), state);
    await screen.findByText('新增的事项');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    fireEvent.keyDown(window, { key: 'k' });
    expect(rowOf('修改后的事项名称').className).toContain('review-row-focused');
    fireEvent.keyDown(window, { key: 'a' });
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/items/${state.items[1].item.id}/decision`)).toEqual([
        { decision: 'approved' },
      ]),
    );
  });

  it('offers 开始审核 before the review starts, without item buttons', async () => {
    const fetchMock = renderReviewPage(
      [{ method: 'POST', path: `${base}/start-review`, body: reviewList() }],
      reviewList({ stage: 'submitted', can: reviewerAbilities({ startReview: true }) }),
      reviewState({ stage: 'submitted', level: null }),
    );
    await screen.findByText('新增的事项');
    expect(screen.queryByTestId('decide-approve')).toBeNull();
    expect(screen.queryByTestId('approve-unchanged')).toBeNull();
    fireEvent.click(screen.getByTestId('start-review'));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', `${base}/start-review`)).toHaveLength(1));
    expect(await screen.findByText('已开始审核')).toBeTruthy();
  });

  it('opens the threads drawer of a row, with the threads of earlier rounds', async () => {
    const state = reviewState();
    renderReviewPage(
      [{ path: `${base}/threads`, body: [thread(state.items[0].item.id, { openedRound: 1 })] }],
      reviewList(),
      state,
    );
    await screen.findByText('新增的事项');
    fireEvent.click(within(rowOf('新增的事项')).getByTestId('threads-open'));
    const drawer = await screen.findByTestId('threads-drawer');
    expect(await within(drawer).findByText('请说明该事项的法律依据')).toBeTruthy();
    expect(within(drawer).getByTestId('thread-round').textContent).toBe('第1轮提出');
    expect(within(drawer).getByTestId('thread-status').textContent).toBe('未解决');
  });
});
