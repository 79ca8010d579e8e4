import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { diffKeys, type DiffParams } from '../api/diff-keys';
import { getDiff } from '../api/get-diff';

/**
 * The diff of a pair; while another pair loads, the previous one stays on screen. Always refetched on
 * mount (staleTime 0): decisions and threads made on the review page since change its annotations.
 */
export function useDiff(listId: string, params: DiffParams) {
  return useQuery({
    queryKey: diffKeys.diff(listId, params),
    queryFn: ({ signal }) => getDiff(listId, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
