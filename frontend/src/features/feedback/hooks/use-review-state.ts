import { useQuery } from '@tanstack/react-query';
import { feedbackKeys } from '../api/feedback-keys';
import { getReviewState } from '../api/get-review-state';

export function useReviewState(listId: string) {
  return useQuery({
    queryKey: feedbackKeys.review(listId),
    queryFn: ({ signal }) => getReviewState(listId, signal),
  });
}
