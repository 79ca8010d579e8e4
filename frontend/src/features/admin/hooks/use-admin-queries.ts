import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminAuditQuery, AdminUserQuery } from '@dutylist/shared';
import { adminKeys } from '../api/admin-keys';
import { getAdminAudit } from '../api/audit-api';
import { getAdminOrgUnits } from '../api/org-units-api';
import { getAdminUsers } from '../api/users-api';

export function useAdminOrgUnits() {
  return useQuery({ queryKey: adminKeys.orgUnits(), queryFn: ({ signal }) => getAdminOrgUnits(signal) });
}

export function useAdminUsers(query: AdminUserQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: adminKeys.users(query),
    queryFn: ({ signal }) => getAdminUsers(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useAdminAudit(query: AdminAuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => getAdminAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}
