import { useQuery } from '@tanstack/react-query';
import { getLists } from '../api/get-lists';
import { listKeys } from '../api/list-keys';

export function useLists() {
  return useQuery({
    queryKey: listKeys.index(),
    queryFn: ({ signal }) => getLists(signal),
  });
}
