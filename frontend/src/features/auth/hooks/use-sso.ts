import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setToken } from '@/lib/auth-token';
import { authKeys } from '../api/auth-keys';
import { exchangeSsoCode, getSsoConfig } from '../api/sso';

/** Whether the login page offers single sign-on, and the button's text. */
export function useSsoConfig() {
  return useQuery({
    queryKey: authKeys.ssoConfig(),
    queryFn: ({ signal }) => getSsoConfig(signal),
    staleTime: Infinity,
    retry: false,
  });
}

const publicKeys = new Set([JSON.stringify(authKeys.demoAccounts()), JSON.stringify(authKeys.ssoConfig())]);

/** Finishes a single sign-on: stores the token and drops every cached query of a previous session. */
export function useSsoExchange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => exchangeSsoCode(code),
    onSuccess: (response) => {
      setToken(response.accessToken);
      queryClient.removeQueries({ predicate: (query) => !publicKeys.has(JSON.stringify(query.queryKey)) });
    },
  });
}
