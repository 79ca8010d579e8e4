import { useMutation } from '@tanstack/react-query';
import type { ApproveRequest, ReturnItemsRequest, ReturnRoundRequest, SignOffRequest } from '@dutylist/shared';
import { approveList, publishList, returnItems, returnRound, signOff, startReview } from '../api/round-transitions';
import { useInvalidateListCycle } from '@/features/lists/hooks/use-invalidate-list-cycle';

export function useStartReview(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: () => startReview(listId), onSettled: invalidate });
}

export function useReturnRound(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: (body: ReturnRoundRequest) => returnRound(listId, body), onSettled: invalidate });
}

export function useApproveList(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: (body: ApproveRequest) => approveList(listId, body), onSettled: invalidate });
}

export function useSignOff(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: (body: SignOffRequest) => signOff(listId, body), onSettled: invalidate });
}

export function useReturnItems(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: (body: ReturnItemsRequest) => returnItems(listId, body), onSettled: invalidate });
}

export function usePublishList(listId: string) {
  const invalidate = useInvalidateListCycle(listId);
  return useMutation({ mutationFn: () => publishList(listId), onSettled: invalidate });
}
