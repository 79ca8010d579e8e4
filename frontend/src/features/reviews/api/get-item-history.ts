import type { ItemHistory } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getItemHistory(listId: string, itemId: string, signal?: AbortSignal): Promise<ItemHistory> {
  return apiClient.get<ItemHistory>(
    `/lists/${encodeURIComponent(listId)}/items/${encodeURIComponent(itemId)}/history`,
    { signal },
  );
}
