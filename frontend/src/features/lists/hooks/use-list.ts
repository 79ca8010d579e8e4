import { useQuery } from '@tanstack/react-query';
import { getList } from '../api/get-list';
import { listKeys } from '../api/list-keys';

export function useList(listId: string) {
  return useQuery({
    queryKey: listKeys.detail(listId),
    queryFn: ({ signal }) => getList(listId, signal),
  });
}
