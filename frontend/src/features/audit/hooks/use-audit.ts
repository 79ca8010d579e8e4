import { useQuery } from '@tanstack/react-query';
import { auditKeys } from '../api/audit-keys';
import { getAudit } from '../api/get-audit';

export function useAudit(listId: string) {
  return useQuery({
    queryKey: auditKeys.list(listId),
    queryFn: ({ signal }) => getAudit(listId, signal),
  });
}
