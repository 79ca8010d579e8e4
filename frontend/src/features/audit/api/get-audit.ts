import type { AuditEvent } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** Every workflow step of a list, oldest first. */
export function getAudit(listId: string, signal?: AbortSignal): Promise<AuditEvent[]> {
  return apiClient.get<AuditEvent[]>(`/lists/${encodeURIComponent(listId)}/audit`, { signal });
}
