import type { DiffExportFormat, ListDiff } from '@dutylist/shared';
import { apiClient, download } from '@/lib/api-client';
import type { DiffParams } from './diff-keys';

export function getDiff(listId: string, params: DiffParams, signal?: AbortSignal): Promise<ListDiff> {
  return apiClient.get<ListDiff>(`/lists/${encodeURIComponent(listId)}/diff`, {
    signal,
    query: {
      from: params.from,
      to: params.to,
      includeRenumbered: params.includeRenumbered ? 'true' : undefined,
    },
  });
}

/** What changed since the caller's last own decision (`from: null` when there is none). */
export function getSinceMyDecision(listId: string, signal?: AbortSignal): Promise<ListDiff> {
  return apiClient.get<ListDiff>(`/lists/${encodeURIComponent(listId)}/diff/since-my-decision`, { signal });
}

/** Downloads the 修改对照表 of the pair under the server's Chinese file name. */
export function downloadChangeTable(
  listId: string,
  pair: { from?: number; to?: number | 'draft' },
  format: DiffExportFormat,
): Promise<void> {
  return download(
    `/lists/${encodeURIComponent(listId)}/diff/export`,
    { from: pair.from, to: pair.to, format },
    `修改对照表.${format}`,
  );
}
