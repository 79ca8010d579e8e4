import { useQuery } from '@tanstack/react-query';
import { getDraftValidation } from '../api/get-draft-validation';
import { submissionKeys } from '../api/submission-keys';

/** The validation report of the draft; fresh every time the checklist opens. */
export function useDraftValidation(listId: string, enabled: boolean) {
  return useQuery({
    queryKey: submissionKeys.validation(listId),
    queryFn: ({ signal }) => getDraftValidation(listId, signal),
    enabled,
    staleTime: 0,
  });
}
