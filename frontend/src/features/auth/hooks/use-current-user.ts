import { useQuery } from '@tanstack/react-query';
import { getToken } from '@/lib/auth-token';
import { authKeys } from '../api/auth-keys';
import { getMe } from '../api/get-me';

/** The signed-in user; disabled (no request) when there is no token. */
export function useCurrentUser() {
  const hasToken = getToken() !== null;
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    enabled: hasToken,
    staleTime: 5 * 60_000,
  });
}
