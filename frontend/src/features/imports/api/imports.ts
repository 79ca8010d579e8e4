import type { ImportPreview } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

const importsPath = (listId: string) => `/lists/${encodeURIComponent(listId)}/imports`;
const importPath = (listId: string, importId: string) => `${importsPath(listId)}/${encodeURIComponent(importId)}`;

/** Uploads a document and answers its preview; the draft itself is not changed. */
export function uploadImport(listId: string, file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.post<ImportPreview>(importsPath(listId), form);
}

export function getImport(listId: string, importId: string, signal?: AbortSignal): Promise<ImportPreview> {
  return apiClient.get<ImportPreview>(importPath(listId, importId), { signal });
}

/** Applies a previewed import to the draft in one transaction (409 IMPORT_STALE if the draft changed since). */
export function confirmImport(listId: string, importId: string): Promise<ImportPreview> {
  return apiClient.post<ImportPreview>(`${importPath(listId, importId)}/confirm`);
}
