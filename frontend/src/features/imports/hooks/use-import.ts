import { useQuery } from '@tanstack/react-query';
import { getImport } from '../api/imports';
import { importKeys } from '../api/import-keys';

/** A stored preview (kept in the URL, so a reload shows it again). */
export function useImport(listId: string, importId: string | null) {
  return useQuery({
    queryKey: importKeys.detail(listId, importId ?? ''),
    queryFn: ({ signal }) => getImport(listId, importId ?? '', signal),
    enabled: importId !== null,
  });
}
