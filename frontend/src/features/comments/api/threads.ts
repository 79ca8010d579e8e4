import type { CreateThreadRequest, ReplyRequest, Thread, ThreadStatus, UserRef } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

const listPath = (listId: string) => `/lists/${encodeURIComponent(listId)}`;
const threadPath = (listId: string, threadId: string) => `${listPath(listId)}/threads/${encodeURIComponent(threadId)}`;

export function getThreads(
  listId: string,
  filter: { itemId?: string; status?: ThreadStatus },
  signal?: AbortSignal,
): Promise<Thread[]> {
  return apiClient.get<Thread[]>(`${listPath(listId)}/threads`, { query: filter, signal });
}

export function getParticipants(listId: string, signal?: AbortSignal): Promise<UserRef[]> {
  return apiClient.get<UserRef[]>(`${listPath(listId)}/participants`, { signal });
}

export function createThread(listId: string, body: CreateThreadRequest): Promise<Thread> {
  return apiClient.post<Thread>(`${listPath(listId)}/threads`, body);
}

export function replyToThread(listId: string, threadId: string, body: ReplyRequest): Promise<Thread> {
  return apiClient.post<Thread>(`${threadPath(listId, threadId)}/comments`, body);
}

export function resolveThread(listId: string, threadId: string): Promise<Thread> {
  return apiClient.post<Thread>(`${threadPath(listId, threadId)}/resolve`, {});
}

export function reopenThread(listId: string, threadId: string): Promise<Thread> {
  return apiClient.post<Thread>(`${threadPath(listId, threadId)}/reopen`, {});
}
