import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import type { Notification, NotificationPage, NotificationPreferences } from '@dutylist/shared';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from '@dutylist/shared';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { NotificationsPage } from './notifications-page';

const LIST = '11111111-1111-4111-8111-111111111111';

function notification(id: string, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'submit',
    title: '《阿合奇镇履职事项清单》第1轮报送（1上），请审核',
    body: '阿合奇镇起草人报送了清单第1轮（3个事项），轮到您审核。',
    link: `/lists/${LIST}/review?round=1`,
    listId: LIST,
    round: 1,
    itemId: null,
    threadId: null,
    actor: { id: LIST, displayName: '阿合奇镇起草人', role: 'township_drafter', orgName: '阿合奇镇' },
    eventCount: 1,
    readAt: null,
    createdAt: '2025-03-01T02:00:00.000Z',
    ...overrides,
  };
}

const page = (items: Notification[]): NotificationPage => ({
  items,
  unread: items.filter((i) => !i.readAt).length,
  nextBefore: null,
});

afterEach(() => vi.unstubAllGlobals());

describe('NotificationsPage', () => {
  it('lists the inbox, unread rows marked; opening a row marks it read and follows its deep link', async () => {
    const rows = [
      notification('00000000-0000-4000-8000-000000000001'),
      notification('00000000-0000-4000-8000-000000000002', {
        kind: 'digest',
        eventCount: 4,
        title: '《阿合奇镇履职事项清单》有 4 条新动态',
        readAt: '2025-03-01T03:00:00.000Z',
      }),
    ];
    const fetchMock = mockFetch([
      { path: '/api/notifications', body: page(rows) },
      { method: 'POST', path: /\/api\/notifications\/.+\/read$/, body: { ...rows[0], readAt: 'now' } },
    ]);
    renderWithProviders(
      <Routes>
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/lists/:listId/review" element={<div data-testid="review-stub" />} />
      </Routes>,
      { route: '/notifications' },
    );
    const items = await screen.findAllByTestId('notification-row');
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.getAttribute('data-unread'))).toEqual(['true', 'false']);
    expect(within(items[1]).getByText('动态汇总 · 4 条')).toBeTruthy();
    expect(screen.getByText('未读 1')).toBeTruthy();

    fireEvent.click(within(items[0]).getByText(rows[0].title));
    expect(await screen.findByTestId('review-stub')).toBeTruthy();
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) => String(url).endsWith(`/notifications/${rows[0].id}/read`) && init?.method === 'POST',
        ),
      ).toBe(true),
    );
  });

  it('全部标为已读 posts read-all and reloads the inbox', async () => {
    let read = false;
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.includes('/read-all')) {
        read = true;
        return Response.json({ updated: 1, unread: 0 });
      }
      return Response.json(page([notification('00000000-0000-4000-8000-000000000003', read ? { readAt: 'x' } : {})]));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<NotificationsPage />, { route: '/notifications' });
    const button = await screen.findByTestId('notifications-read-all');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('notification-row').getAttribute('data-unread')).toBe('false'));
  });

  it('the settings tab switches one event and channel off', async () => {
    const preferences: NotificationPreferences = {
      preferences: NOTIFICATION_EVENTS.flatMap((event) =>
        NOTIFICATION_CHANNELS.map((channel) => ({ event, channel, enabled: true })),
      ),
      email: { configured: true, address: 'me@example.test' },
    };
    const fetchMock = mockFetch([
      { path: '/api/notifications/preferences', body: preferences },
      { method: 'PUT', path: '/api/notifications/preferences', body: preferences },
    ]);
    renderWithProviders(<NotificationsPage />, { route: '/notifications?tab=settings' });
    expect(await screen.findByText('邮件将发送到 me@example.test。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('preference-submit-email'));
    await waitFor(() => {
      const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
      expect(JSON.parse(String(put?.[1]?.body))).toEqual({
        preferences: [{ event: 'submit', channel: 'email', enabled: false }],
      });
    });
  });
});

describe('NotificationBell', () => {
  it('shows the unread count', async () => {
    mockFetch([{ path: '/api/notifications/unread-count', body: { unread: 7 } }]);
    renderWithProviders(<NotificationBell enabled />);
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('7'));
    expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toBe('通知（7 条未读）');
  });
});
