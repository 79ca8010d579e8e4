import { useQuery } from '@tanstack/react-query';
import { getItemHistory } from '../api/get-item-history';
import { reviewKeys } from '../api/review-keys';

/** One item through every round; no request while `itemId` is null. */
export function useItemHistory(listId: string, itemId: string | null) {
  return useQuery({
    queryKey: reviewKeys.history(listId, itemId ?? ''),
    queryFn: ({ signal }) => getItemHistory(listId, itemId ?? '', signal),
    enabled: itemId !== null && itemId !== '',
  });
}
