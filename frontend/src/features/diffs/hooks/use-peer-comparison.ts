import { useQuery } from '@tanstack/react-query';
import { diffKeys } from '../api/diff-keys';
import { getPeerComparison } from '../api/get-peer-comparison';

/** The list against another list in scope; no request until one is chosen. */
export function usePeerComparison(listId: string, otherId: string | null) {
  return useQuery({
    queryKey: diffKeys.compare(listId, otherId ?? ''),
    queryFn: ({ signal }) => getPeerComparison(listId, otherId ?? '', signal),
    enabled: !!otherId,
  });
}
