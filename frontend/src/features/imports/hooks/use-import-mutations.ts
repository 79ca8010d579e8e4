import { useMutation, useQueryClient } from '@tanstack/react-query';
import { itemKeys } from '@/features/items/api/item-keys';
import { listKeys } from '@/features/lists/api/list-keys';
import { confirmImport, uploadImport } from '../api/imports';
import { importKeys } from '../api/import-keys';

export function useUploadImport(listId: string) {
  return useMutation({
    mutationFn: (file: File) => uploadImport(listId, file),
  });
}

/**
 * Confirming rewrites the draft: refetch its items, the list (counts, updatedAt) and the import itself.
 * Also after a failure: a stale preview means our copies are stale too.
 */
export function useConfirmImport(listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => confirmImport(listId, importId),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: itemKeys.byList(listId) }),
        queryClient.invalidateQueries({ queryKey: listKeys.all }),
        queryClient.invalidateQueries({ queryKey: importKeys.all }),
      ]),
  });
}
