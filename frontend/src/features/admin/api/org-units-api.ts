import type { AdminOrgUnit, CreateOrgUnitRequest, UpdateOrgUnitRequest } from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

/** The admin's whole subtree, top down, with account and child counts. */
export function getAdminOrgUnits(signal?: AbortSignal): Promise<AdminOrgUnit[]> {
  return apiClient.get<AdminOrgUnit[]>('/admin/org-units', { signal });
}

export function createOrgUnit(request: CreateOrgUnitRequest): Promise<AdminOrgUnit> {
  return apiClient.post<AdminOrgUnit>('/admin/org-units', request);
}

export function updateOrgUnit(id: string, request: UpdateOrgUnitRequest): Promise<AdminOrgUnit> {
  return apiClient.patch<AdminOrgUnit>(`/admin/org-units/${encodeURIComponent(id)}`, request);
}
