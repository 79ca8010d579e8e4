import type {
  EditionSettings,
  EditionSummary,
  OpenEditionRequest,
  OpenEditionResponse,
  UpdateEditionSettingsRequest,
} from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getEditions(signal?: AbortSignal): Promise<EditionSummary[]> {
  return apiClient.get<EditionSummary[]>('/editions', { signal });
}

export function openEdition(request: OpenEditionRequest): Promise<OpenEditionResponse> {
  return apiClient.post<OpenEditionResponse>('/editions', request);
}

export function updateEdition(edition: number, request: UpdateEditionSettingsRequest): Promise<EditionSettings> {
  return apiClient.put<EditionSettings>(`/editions/${edition}`, request);
}
