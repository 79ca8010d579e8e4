import { useQuery } from '@tanstack/react-query';
import { getReviewState } from '../api/get-review-state';
import { reviewKeys } from '../api/review-keys';

export function useReviewState(listId: string) {
  return useQuery({
    queryKey: reviewKeys.state(listId),
    queryFn: ({ signal }) => getReviewState(listId, signal),
  });
}
