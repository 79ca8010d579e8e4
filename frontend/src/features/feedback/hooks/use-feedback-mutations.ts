import { useMutation } from '@tanstack/react-query';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';
import { acceptSuggestion, answerFeedback, rejectSuggestion } from '../api/feedback-mutations';

/**
 * Every answer refetches the list's review state, items (an accepted suggestion changes the draft),
 * summary, tasks and history, whether it succeeded or not (a conflict means our copy is stale).
 */
export function useAcceptSuggestion(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (decisionId: string) => acceptSuggestion(listId, decisionId),
    onSettled: invalidate,
  });
}

export function useRejectSuggestion(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ decisionId, reason }: { decisionId: string; reason: string }) =>
      rejectSuggestion(listId, decisionId, { reason }),
    onSettled: invalidate,
  });
}

export function useAnswerFeedback(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: ({ decisionId, text }: { decisionId: string; text: string }) =>
      answerFeedback(listId, decisionId, { text }),
    onSettled: invalidate,
  });
}
