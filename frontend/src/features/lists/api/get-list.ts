import type { ListDetail } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getList(listId: string, signal?: AbortSignal): Promise<ListDetail> {
  return apiClient.get<ListDetail>(`/lists/${encodeURIComponent(listId)}`, { signal });
}
