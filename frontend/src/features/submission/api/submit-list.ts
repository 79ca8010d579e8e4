import type { ListDetail, SubmitRequest } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** k上: freezes the draft as the round's submitted version and hands the list to the county. */
export function submitList(listId: string, body: SubmitRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`/lists/${encodeURIComponent(listId)}/submit`, body);
}
