import { useMutation } from '@tanstack/react-query';
import type { SubmitRequest } from '@dutylist/shared';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';
import { submitList } from '../api/submit-list';

/** Submits the list; afterwards (or after a refusal) everything about it is refetched. */
export function useSubmitList(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (body: SubmitRequest) => submitList(listId, body),
    onSettled: invalidate,
  });
}
