import type { ListSummary } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getLists(signal?: AbortSignal): Promise<ListSummary[]> {
  return apiClient.get<ListSummary[]>('/lists', { signal });
}
