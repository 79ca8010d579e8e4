import type { Task } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getMyTasks(signal?: AbortSignal): Promise<Task[]> {
  return apiClient.get<Task[]>('/me/tasks', { signal });
}
