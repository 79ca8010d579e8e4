import type { AnswerDecisionRequest, Feedback, RejectSuggestionRequest } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

const decisionPath = (listId: string, decisionId: string) =>
  `/lists/${encodeURIComponent(listId)}/decisions/${encodeURIComponent(decisionId)}`;

/** Applies the reviewer's suggestion to the draft item. */
export function acceptSuggestion(listId: string, decisionId: string): Promise<Feedback> {
  return apiClient.post<Feedback>(`${decisionPath(listId, decisionId)}/accept`, {});
}

export function rejectSuggestion(listId: string, decisionId: string, body: RejectSuggestionRequest): Promise<Feedback> {
  return apiClient.post<Feedback>(`${decisionPath(listId, decisionId)}/reject`, body);
}

/** Explains why a returned item stays as it is (or what was done about it). */
export function answerFeedback(listId: string, decisionId: string, body: AnswerDecisionRequest): Promise<Feedback> {
  return apiClient.post<Feedback>(`${decisionPath(listId, decisionId)}/answer`, body);
}
