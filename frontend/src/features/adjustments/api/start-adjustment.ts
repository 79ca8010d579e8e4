import type { ListDetail, StartAdjustmentRequest } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function startAdjustment(listId: string, request: StartAdjustmentRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`/lists/${encodeURIComponent(listId)}/adjustments`, request);
}
