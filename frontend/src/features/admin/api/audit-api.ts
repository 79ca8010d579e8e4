import type { AdminAuditQuery, AdminEventPage } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getAdminAudit(query: AdminAuditQuery, signal?: AbortSignal): Promise<AdminEventPage> {
  return apiClient.get<AdminEventPage>('/admin/audit', {
    signal,
    query: { targetType: query.targetType, targetId: query.targetId, page: query.page, pageSize: query.pageSize },
  });
}
