import { useQuery } from '@tanstack/react-query';
import { authKeys } from '../api/auth-keys';
import { getDemoAccounts } from '../api/get-demo-accounts';

export function useDemoAccounts() {
  return useQuery({
    queryKey: authKeys.demoAccounts(),
    queryFn: ({ signal }) => getDemoAccounts(signal),
    staleTime: Infinity,
    retry: false,
  });
}
