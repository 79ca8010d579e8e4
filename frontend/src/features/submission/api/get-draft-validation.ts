import type { DraftValidation } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getDraftValidation(listId: string, signal?: AbortSignal): Promise<DraftValidation> {
  return apiClient.get<DraftValidation>(`/lists/${encodeURIComponent(listId)}/validation`, { signal });
}
