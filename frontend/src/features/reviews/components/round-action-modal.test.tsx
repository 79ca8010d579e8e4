import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LIST_FIXTURE_ID as LIST_ID } from '@/test/fixtures';
import { reviewList, sentBodies, versionItem } from '@/test/review-fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { RoundActionModal } from './round-action-modal';

const base = `/api/lists/${LIST_ID}`;

describe('RoundActionModal', () => {
  it('asks for 增加轮次理由 when the API answers 422 EXTRA_ROUND_REASON_REQUIRED, then resends', async () => {
    let calls = 0;
    const fetchMock = mockFetch([]);
    fetchMock.mockImplementation(async (_input: RequestInfo | URL, init?: RequestInit) => {
      calls += 1;
      const body = JSON.parse(String(init?.body)) as { extraRoundReason?: string };
      if (!body.extraRoundReason) {
        return new Response(
          JSON.stringify({
            statusCode: 422,
            code: 'EXTRA_ROUND_REASON_REQUIRED',
            message: '已是第 3 轮（本届上限 3 轮），再次退回须填写增加轮次的理由',
          }),
          { status: 422 },
        );
      }
      return new Response(JSON.stringify(reviewList({ stage: 'returned' })), { status: 200 });
    });
    const onClose = vi.fn();
    renderWithProviders(<RoundActionModal listId={LIST_ID} action="returnRound" round={3} onClose={onClose} />);

    fireEvent.change(screen.getByTestId('round-reason'), { target: { value: '仍有 3 项未改' } });
    fireEvent.click(screen.getByTestId('round-confirm'));
    expect(await screen.findByText(/再次退回须填写增加轮次的理由/)).toBeTruthy();
    const extra = await screen.findByTestId('round-extra-reason');
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.change(extra, { target: { value: '上级要求补充配合事项' } });
    fireEvent.click(screen.getByTestId('round-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toBe(2);
    expect(sentBodies(fetchMock, 'POST', `${base}/return-round`)).toEqual([
      { reason: '仍有 3 项未改' },
      { reason: '仍有 3 项未改', extraRoundReason: '上级要求补充配合事项' },
    ]);
  });

  it('lists the open items when an approval is refused (409 OPEN_ITEMS) and can jump to one', async () => {
    const open = versionItem(7, { name: '尚未通过的事项' });
    mockFetch([
      {
        method: 'POST',
        path: `${base}/approve`,
        status: 409,
        body: {
          statusCode: 409,
          code: 'OPEN_ITEMS',
          message: '还有 1 个事项未审核通过，不能审定',
          details: { items: [{ itemId: open.id, table: 'basic', seq: 7, name: open.name }] },
        },
      },
    ]);
    const onClose = vi.fn();
    const onLocate = vi.fn();
    renderWithProviders(
      <RoundActionModal listId={LIST_ID} action="approve" round={2} onClose={onClose} onLocate={onLocate} />,
    );
    fireEvent.click(screen.getByTestId('round-confirm'));
    expect(await screen.findByText('还有 1 个事项未审核通过，不能审定')).toBeTruthy();
    const item = screen.getByText('基本履职事项 第7项 尚未通过的事项');
    fireEvent.click(item);
    expect(onClose).toHaveBeenCalled();
    expect(onLocate).toHaveBeenCalledWith(open.id);
  });

  it('shows any other API error in place', async () => {
    mockFetch([
      {
        method: 'POST',
        path: `${base}/sign-off`,
        status: 409,
        body: { statusCode: 409, code: 'STAGE_CONFLICT', message: '清单当前阶段不能签署' },
      },
    ]);
    renderWithProviders(<RoundActionModal listId={LIST_ID} action="signOff" round={2} onClose={vi.fn()} />);
    fireEvent.click(screen.getByTestId('round-confirm'));
    expect((await screen.findByTestId('round-error')).textContent).toContain('清单当前阶段不能签署');
  });
});
