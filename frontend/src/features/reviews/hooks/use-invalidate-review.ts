import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { commentKeys } from '@/features/comments/api/comment-keys';
import { listKeys } from '@/features/lists/api/list-keys';
import { reviewKeys } from '../api/review-keys';

/**
 * After any review step (successful or not: a conflict means our copy is stale) refetch the review
 * state, the list (stage, abilities, whose turn) and the threads.
 */
export function useInvalidateReview() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
        queryClient.invalidateQueries({ queryKey: listKeys.all }),
        queryClient.invalidateQueries({ queryKey: commentKeys.all }),
      ]),
    [queryClient],
  );
}
