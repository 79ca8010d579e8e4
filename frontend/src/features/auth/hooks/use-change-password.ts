import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@dutylist/shared';
import { authKeys } from '../api/auth-keys';
import { changePassword } from '../api/change-password';

/** After a change, `me` is read again (mustChangePassword is then false and the app opens). */
export function useChangePassword(onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => changePassword(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me() });
      onSuccess?.();
    },
  });
}
