import type {
  ApproveRequest,
  ListDetail,
  ReturnItemsRequest,
  ReturnRoundRequest,
  SignOffRequest,
} from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

const listPath = (listId: string) => `/lists/${encodeURIComponent(listId)}`;

export function startReview(listId: string): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/start-review`, {});
}

export function returnRound(listId: string, body: ReturnRoundRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/return-round`, body);
}

export function approveList(listId: string, body: ApproveRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/approve`, body);
}

export function signOff(listId: string, body: SignOffRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/sign-off`, body);
}

export function returnItems(listId: string, body: ReturnItemsRequest): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/return-items`, body);
}

export function publishList(listId: string): Promise<ListDetail> {
  return apiClient.post<ListDetail>(`${listPath(listId)}/publish`, {});
}
