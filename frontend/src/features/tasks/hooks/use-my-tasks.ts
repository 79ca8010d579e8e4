import { useQuery } from '@tanstack/react-query';
import { getMyTasks } from '../api/get-my-tasks';
import { taskKeys } from '../api/task-keys';

/** What awaits the signed-in user (also feeds the 我的待办 badge of the side menu). */
export function useMyTasks({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.mine(),
    queryFn: ({ signal }) => getMyTasks(signal),
    enabled,
  });
}
