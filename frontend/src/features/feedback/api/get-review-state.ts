import type { ReviewState } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getReviewState(listId: string, signal?: AbortSignal): Promise<ReviewState> {
  return apiClient.get<ReviewState>(`/lists/${encodeURIComponent(listId)}/review`, { signal });
}
