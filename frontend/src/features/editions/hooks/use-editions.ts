import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenEditionRequest, UpdateEditionSettingsRequest } from '@dutylist/shared';
import { dashboardKeys } from '@/features/dashboard/api/dashboard-keys';
import { listKeys } from '@/features/lists/api/list-keys';
import { taskKeys } from '@/features/tasks/api/task-keys';
import { editionKeys } from '../api/edition-keys';
import { getEditions, openEdition, updateEdition } from '../api/editions';

export function useEditions() {
  return useQuery({ queryKey: editionKeys.index(), queryFn: ({ signal }) => getEditions(signal) });
}

/** Opening an edition creates lists; its settings change every list's round limit and deadlines. */
function useInvalidateEditions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [editionKeys.all, listKeys.all, taskKeys.all, dashboardKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useOpenEdition() {
  const invalidate = useInvalidateEditions();
  return useMutation({
    mutationFn: (request: OpenEditionRequest) => openEdition(request),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateEdition() {
  const invalidate = useInvalidateEditions();
  return useMutation({
    mutationFn: ({ edition, request }: { edition: number; request: UpdateEditionSettingsRequest }) =>
      updateEdition(edition, request),
    onSuccess: () => invalidate(),
  });
}
