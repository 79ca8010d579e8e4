import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgUnitRequest,
  CreateUserRequest,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
} from '@dutylist/shared';
import { adminKeys } from '../api/admin-keys';
import { createOrgUnit, updateOrgUnit } from '../api/org-units-api';
import { createUser, resetUserPassword, updateUser } from '../api/users-api';

/** Every admin change moves counts, tables and the trail: refetch the whole admin feature. */
function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (r: CreateOrgUnitRequest) => createOrgUnit(r), onSuccess: invalidate });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateOrgUnitRequest }) => updateOrgUnit(id, request),
    onSuccess: invalidate,
  });
}

export function useCreateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (r: CreateUserRequest) => createUser(r), onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateUserRequest }) => updateUser(id, request),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (id: string) => resetUserPassword(id), onSuccess: invalidate });
}
