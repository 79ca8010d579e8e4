import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { dashboardKeys } from '@/features/dashboard/api/dashboard-keys';
import { taskKeys } from '@/features/tasks/api/task-keys';
import { listKeys } from '../api/list-keys';

/**
 * After a step of the review cycle (a submission, an answer to an opinion), everything about the
 * list may have changed: its summary and detail, its items, its review state, its history, and the
 * tasks and overview rows that count it. Every feature keys its per-list queries with the list id,
 * so one predicate reaches them all, whichever feature owns them.
 */
export function useInvalidateListCycle(listId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listKeys.all }),
        queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes(listId) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]),
    [queryClient, listId],
  );
}
