import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@dutylist/shared';
import { setToken } from '@/lib/auth-token';
import { authKeys } from '../api/auth-keys';
import { login } from '../api/login';

const demoAccountsHash = JSON.stringify(authKeys.demoAccounts());

/** Stores the token and drops every cached query of a previous session. */
export function useLogin(onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (response) => {
      setToken(response.accessToken);
      // Everything but the (public) demo account list belongs to the previous session.
      queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== demoAccountsHash });
      onSuccess?.();
    },
  });
}
