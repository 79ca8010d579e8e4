/** Query keys of the notifications feature: invalidate `all` when anything about the inbox changes. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filter: { unread: boolean }) => [...notificationKeys.all, 'list', filter] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};
