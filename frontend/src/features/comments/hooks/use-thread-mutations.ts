import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CreateThreadRequest, ReplyRequest } from '@dutylist/shared';
import { listKeys } from '@/features/lists/api/list-keys';
import { reviewKeys } from '@/features/reviews/api/review-keys';
import { commentKeys } from '../api/comment-keys';
import { createThread, reopenThread, replyToThread, resolveThread } from '../api/threads';

/** Threads change the counts in the review state and the list: refetch all three. */
function useInvalidateThreads() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: commentKeys.all }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
        queryClient.invalidateQueries({ queryKey: listKeys.all }),
      ]),
    [queryClient],
  );
}

export function useCreateThread(listId: string) {
  const invalidate = useInvalidateThreads();
  return useMutation({ mutationFn: (body: CreateThreadRequest) => createThread(listId, body), onSettled: invalidate });
}

export function useReplyToThread(listId: string) {
  const invalidate = useInvalidateThreads();
  return useMutation({
    mutationFn: ({ threadId, body }: { threadId: string; body: ReplyRequest }) => replyToThread(listId, threadId, body),
    onSettled: invalidate,
  });
}

export function useSetThreadStatus(listId: string) {
  const invalidate = useInvalidateThreads();
  return useMutation({
    mutationFn: ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
      resolved ? resolveThread(listId, threadId) : reopenThread(listId, threadId),
    onSettled: invalidate,
  });
}
