import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '@dutylist/shared';
import { makeUserRef } from '@/test/fixtures';
import { renderWithProviders } from '@/test/test-utils';
import { AuditTimeline } from './audit-timeline';

const ITEM = 'cccccccc-cccc-4ccc-8ccc-000000000001';
const drafter = makeUserRef({ displayName: '阿合奇镇 起草人', role: 'township_drafter', orgName: '阿合奇镇' });
const county = makeUserRef({ displayName: '阿合奇县委编办 审核员', orgName: '阿合奇县' });

const event = (id: number, overrides: Partial<AuditEvent>): AuditEvent => ({
  id: String(id),
  action: 'submit',
  actor: drafter,
  fromStage: null,
  toStage: null,
  round: 1,
  itemId: null,
  reason: null,
  details: {},
  createdAt: `2025-07-0${id}T08:00:00.000Z`,
  ...overrides,
});

const events: AuditEvent[] = [
  event(1, { fromStage: 'drafting', toStage: 'submitted', details: { versionNumber: 1, items: 309 } }),
  event(2, {
    action: 'decide_item',
    actor: county,
    itemId: ITEM,
    reason: '表述不清',
    details: { decision: 'returned', level: 'county' },
  }),
  event(3, {
    action: 'return_round',
    actor: county,
    fromStage: 'county_review',
    toStage: 'returned',
    reason: '请修改',
  }),
];

describe('AuditTimeline', () => {
  it('shows time, actor, action, stages, round and reason, newest first', () => {
    renderWithProviders(<AuditTimeline events={events} itemLabel={() => '基本履职事项 第3项 党建工作'} />);
    const entries = screen.getAllByTestId('audit-entry');
    expect(entries.map((e) => e.getAttribute('data-action'))).toEqual(['return_round', 'decide_item', 'submit']);
    const [returned, decided, submitted] = entries;
    expect(returned.textContent).toContain('退回修改');
    expect(returned.textContent).toContain('阿合奇县委编办 审核员（阿合奇县）');
    expect(returned.textContent).toContain('阶段：县级审核中 → 已退回修改');
    expect(returned.textContent).toContain('退回理由：请修改');
    expect(decided.textContent).toContain('审核事项');
    expect(decided.textContent).toContain('审核结果：退回修改');
    expect(within(decided).getByTestId('audit-item').textContent).toContain('基本履职事项 第3项 党建工作');
    expect(submitted.textContent).toContain('第1版 · 共 309 项');
    expect(submitted.textContent).toContain('第1轮');
  });

  it('opens the item history from an item event and filters by kind', () => {
    const onOpenItem = vi.fn();
    renderWithProviders(<AuditTimeline events={events} itemLabel={() => '党建工作'} onOpenItem={onOpenItem} />);
    fireEvent.click(screen.getByTestId('audit-item-link'));
    expect(onOpenItem).toHaveBeenCalledWith(ITEM);

    fireEvent.click(screen.getByText('清单流转 2'));
    expect(screen.getAllByTestId('audit-entry').map((e) => e.getAttribute('data-action'))).toEqual([
      'return_round',
      'submit',
    ]);
  });
});
