import type { BulkDecideRequest, DecideItemRequest, ItemDecision } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** What POST /decisions answers: the decisions made and the items left alone (with why). */
export interface BulkDecideResponse {
  decisions: ItemDecision[];
  skipped: { itemId: string; reason: string }[];
}

const listPath = (listId: string) => `/lists/${encodeURIComponent(listId)}`;

export function decideItem(listId: string, itemId: string, body: DecideItemRequest): Promise<ItemDecision> {
  return apiClient.post<ItemDecision>(`${listPath(listId)}/items/${encodeURIComponent(itemId)}/decision`, body);
}

export function bulkDecide(listId: string, body: BulkDecideRequest): Promise<BulkDecideResponse> {
  return apiClient.post<BulkDecideResponse>(`${listPath(listId)}/decisions`, body);
}
