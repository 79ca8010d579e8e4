import type { ListItemsResponse } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getItems(listId: string, signal?: AbortSignal): Promise<ListItemsResponse> {
  return apiClient.get<ListItemsResponse>(`/lists/${encodeURIComponent(listId)}/items`, { signal });
}
