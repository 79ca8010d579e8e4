import { useMutation } from '@tanstack/react-query';
import type { StartAdjustmentRequest } from '@dutylist/shared';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';
import { startAdjustment } from '../api/start-adjustment';

/** Starts an adjustment: the list, its items, its tasks and the overview all change. */
export function useStartAdjustment(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({
    mutationFn: (request: StartAdjustmentRequest) => startAdjustment(listId, request),
    onSuccess: () => invalidate(),
  });
}
