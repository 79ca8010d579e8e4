import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ListDiff } from '@dutylist/shared';
import { diffKeys } from '../api/diff-keys';
import { getSinceMyDecision } from '../api/get-diff';

/** Fetches "changed since my last decision" on demand (the button), through the query cache. */
export function useLoadSinceMyDecision(listId: string): () => Promise<ListDiff> {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: diffKeys.sinceMyDecision(listId),
        queryFn: ({ signal }) => getSinceMyDecision(listId, signal),
        staleTime: 0,
      }),
    [queryClient, listId],
  );
}
