import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PutWebhookRequest } from '@dutylist/shared';
import { deleteWebhook, getScopeOrgUnits, getWebhooks, putWebhook, testWebhook } from '../api/webhooks-api';
import { webhookKeys } from '../api/webhook-keys';

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.list(), queryFn: ({ signal }) => getWebhooks(signal) });
}

export function useScopeOrgUnits() {
  return useQuery({
    queryKey: webhookKeys.orgUnits(),
    queryFn: ({ signal }) => getScopeOrgUnits(signal),
    staleTime: 60_000,
  });
}

export function useSaveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgUnitId, body }: { orgUnitId: string; body: PutWebhookRequest }) => putWebhook(orgUnitId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orgUnitId: string) => deleteWebhook(orgUnitId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}

export function useTestWebhook() {
  return useMutation({ mutationFn: (orgUnitId: string) => testWebhook(orgUnitId) });
}
