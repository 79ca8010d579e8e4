import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmOnboarding, downloadInitialPasswords, uploadOnboarding } from '../api/onboarding';
import { onboardingKeys } from '../api/onboarding-keys';

export function useUploadOnboarding() {
  return useMutation({ mutationFn: (file: File) => uploadOnboarding(file) });
}

/** Confirming changes the directory: everything cached about org units and accounts is stale after it. */
export function useConfirmOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => confirmOnboarding(id),
    onSettled: () => queryClient.invalidateQueries(),
  });
}

export function useDownloadInitialPasswords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => downloadInitialPasswords(id),
    onSettled: (_data, _error, id) => queryClient.invalidateQueries({ queryKey: onboardingKeys.detail(id) }),
  });
}
