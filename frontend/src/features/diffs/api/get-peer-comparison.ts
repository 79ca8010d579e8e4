import type { PeerComparisonResponse } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getPeerComparison(
  listId: string,
  otherId: string,
  signal?: AbortSignal,
): Promise<PeerComparisonResponse> {
  return apiClient.get<PeerComparisonResponse>(`/lists/${encodeURIComponent(listId)}/compare`, {
    signal,
    query: { with: otherId },
  });
}
