import type { AdminAuditQuery, AdminUserQuery } from '@dutylist/shared';

/** Query keys of the administration screens: invalidate `all` after any admin change (counts and trail move together). */
export const adminKeys = {
  all: ['admin'] as const,
  orgUnits: () => [...adminKeys.all, 'org-units'] as const,
  users: (query: AdminUserQuery) => [...adminKeys.all, 'users', query] as const,
  audit: (query: AdminAuditQuery) => [...adminKeys.all, 'audit', query] as const,
};
