import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LIST_FIXTURE_ID as LIST_ID } from '@/test/fixtures';
import { COUNTY_REVIEWER, DRAFTER, reviewList, reviewerAbilities, sentBodies, thread } from '@/test/review-fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ItemThreadsDrawer } from './item-threads-drawer';
import { mentionedIds } from './mention-input';

const base = `/api/lists/${LIST_ID}`;
const ITEM_ID = '00000000-0000-4000-8000-000000000777';

function setup(canComment = true) {
  const open = thread(ITEM_ID, { openedRound: 1, field: 'townshipDuties' });
  const resolved = thread(ITEM_ID, {
    openedRound: 2,
    status: 'resolved',
    resolvedBy: COUNTY_REVIEWER,
    resolvedAt: '2025-07-03T08:00:00.000Z',
    createdAt: '2025-07-03T08:00:00.000Z',
    comments: [
      {
        id: '00000000-0000-4000-8000-000000000901',
        author: DRAFTER,
        body: '已按要求修改',
        mentions: [COUNTY_REVIEWER],
        round: 2,
        createdAt: '2025-07-03T08:00:00.000Z',
      },
    ],
  });
  const fetchMock = mockFetch([
    { path: base, body: reviewList({ can: reviewerAbilities({ comment: canComment }) }) },
    { path: `${base}/threads`, body: [resolved, open] },
    { path: `${base}/participants`, body: [COUNTY_REVIEWER, DRAFTER] },
    { method: 'POST', path: `${base}/threads`, status: 201, body: open },
    { method: 'POST', path: /\/threads\/[^/]+\/(resolve|reopen|comments)$/, body: open },
  ]);
  renderWithProviders(<ItemThreadsDrawer listId={LIST_ID} itemId={ITEM_ID} open onClose={vi.fn()} />);
  return { fetchMock, open, resolved };
}

describe('ItemThreadsDrawer', () => {
  it('lists the unresolved thread of an earlier round first, with the round and field it was opened on', async () => {
    const { fetchMock } = setup();
    const drawer = await screen.findByTestId('threads-drawer');
    const cards = await within(drawer).findAllByTestId('thread');
    expect(cards.map((card) => card.getAttribute('data-status'))).toEqual(['open', 'resolved']);
    expect(within(cards[0]).getByTestId('thread-round').textContent).toBe('第1轮提出');
    expect(within(cards[0]).getByText('针对：乡镇配合职责')).toBeTruthy();
    expect(within(cards[1]).getByText('已按要求修改')).toBeTruthy();
    expect(within(cards[1]).getByText('@阿合奇县委编办 审核员')).toBeTruthy();
    expect(screen.getByTestId('threads-count').textContent).toBe('共 2 个讨论，1 个未解决');
    const [url] = fetchMock.mock.calls.find(([input]) => String(input).includes('/threads?'))!;
    expect(String(url)).toContain(`itemId=${ITEM_ID}`);
  });

  it('opens a thread with its @mentions, resolves and reopens', async () => {
    const { fetchMock, open, resolved } = setup();
    await screen.findAllByTestId('thread');
    fireEvent.change(screen.getByTestId('thread-body'), { target: { value: '@阿合奇镇起草人 请补充依据' } });
    fireEvent.click(screen.getByTestId('thread-send'));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST', `${base}/threads`)).toEqual([
        { itemId: ITEM_ID, body: '@阿合奇镇起草人 请补充依据', mentions: [DRAFTER.id] },
      ]),
    );
    fireEvent.click(screen.getByTestId('thread-resolve'));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', `${base}/threads/${open.id}/resolve`)).toHaveLength(1));
    fireEvent.click(screen.getByTestId('thread-reopen'));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST', `${base}/threads/${resolved.id}/reopen`)).toHaveLength(1));
  });

  it('is read-only without the comment ability', async () => {
    setup(false);
    await screen.findAllByTestId('thread');
    expect(await screen.findByText('当前阶段不能发表评论，仅供查看')).toBeTruthy();
    expect(screen.queryByTestId('thread-body')).toBeNull();
    expect(screen.queryByTestId('thread-resolve')).toBeNull();
  });
});

describe('mentionedIds', () => {
  it('finds participants by their @handle (display name without spaces)', () => {
    expect(mentionedIds('请 @阿合奇县委编办审核员 看一下', [COUNTY_REVIEWER, DRAFTER])).toEqual([COUNTY_REVIEWER.id]);
    expect(mentionedIds('没有提醒任何人', [COUNTY_REVIEWER])).toEqual([]);
  });
});
