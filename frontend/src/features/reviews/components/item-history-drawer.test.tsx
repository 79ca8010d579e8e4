import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ItemHistory } from '@dutylist/shared';
import { LIST_FIXTURE_ID as LIST_ID } from '@/test/fixtures';
import { COUNTY_REVIEWER, decision, versionItem } from '@/test/review-fixtures';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ItemHistoryDrawer } from './item-history-drawer';

const first = versionItem(1, { name: '负责本镇党员教育' });
const second = versionItem(1, { name: '负责全镇党员教育管理' });

const history: ItemHistory = {
  itemId: first.id,
  current: second,
  versions: [
    { version: { number: 1, round: 1, label: '第1轮报送（1上）', createdAt: '2025-06-01T08:00:00.000Z' }, item: first },
    {
      version: { number: 2, round: 2, label: '第2轮报送（2上）', createdAt: '2025-07-01T08:00:00.000Z' },
      item: second,
    },
  ],
  decisions: [
    decision(first.id, {
      decision: 'returned',
      reason: '表述不完整',
      round: 1,
      versionNumber: 1,
      resolution: 'answered',
      response: '已补充“管理”二字',
      respondedAt: '2025-06-05T08:00:00.000Z',
    }),
    decision(first.id, { decision: 'approved', round: 2, versionNumber: 2 }),
  ],
  events: [
    {
      id: '1',
      action: 'decide_item',
      actor: COUNTY_REVIEWER,
      fromStage: null,
      toStage: null,
      round: 1,
      itemId: first.id,
      reason: '表述不完整',
      details: { decision: 'returned', level: 'county' },
      createdAt: '2025-06-02T08:00:00.000Z',
    },
  ],
};

describe('ItemHistoryDrawer', () => {
  it("shows each version's text with what changed, every decision with the township's answer, and the events", async () => {
    mockFetch([{ path: `/api/lists/${LIST_ID}/items/${first.id}/history`, body: history }]);
    renderWithProviders(<ItemHistoryDrawer listId={LIST_ID} itemId={first.id} open onClose={vi.fn()} />);

    const versions = await screen.findAllByTestId('history-version');
    expect(versions.map((v) => within(v).getByText(/第\d轮报送/).textContent)).toEqual([
      '第2轮报送（2上）',
      '第1轮报送（1上）',
    ]);
    // The newer version marks the words that changed since the one before.
    const diff = within(versions[0]).getByTestId('text-diff');
    expect(diff.querySelector('del')?.textContent).toBe('本');
    expect([...diff.querySelectorAll('ins')].map((node) => node.textContent).join('')).toBe('全管理');
    expect(within(versions[0]).getByText('县委编办：通过')).toBeTruthy();
    expect(within(versions[1]).getByText('县委编办：退回修改')).toBeTruthy();
    expect(within(versions[1]).getByText('理由：表述不完整')).toBeTruthy();
    expect(within(versions[1]).getByTestId('history-response').textContent).toContain('乡镇答复：已补充“管理”二字');
    expect(within(versions[1]).getByText('乡镇：已说明')).toBeTruthy();
    expect(screen.queryByTestId('history-draft')).toBeNull();

    fireEvent.click(screen.getByText('操作记录 (1)'));
    expect((await screen.findByTestId('history-event')).textContent).toContain('审核事项：退回修改');
  });
});
