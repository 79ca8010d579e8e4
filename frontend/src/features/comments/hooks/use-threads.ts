import { useQuery } from '@tanstack/react-query';
import { getParticipants, getThreads } from '../api/threads';
import { commentKeys } from '../api/comment-keys';

/** Every thread of one item, open and resolved, from every round. */
export function useItemThreads(listId: string, itemId: string | null) {
  return useQuery({
    queryKey: commentKeys.threads(listId, itemId ?? ''),
    queryFn: ({ signal }) => getThreads(listId, { itemId: itemId ?? '' }, signal),
    enabled: itemId !== null && itemId !== '',
  });
}

/** The people who may be @mentioned on the list. */
export function useParticipants(listId: string, enabled = true) {
  return useQuery({
    queryKey: commentKeys.participants(listId),
    queryFn: ({ signal }) => getParticipants(listId, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
