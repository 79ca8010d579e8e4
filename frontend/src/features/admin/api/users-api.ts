import type {
  AdminUser,
  AdminUserPage,
  AdminUserQuery,
  CreateUserRequest,
  OneTimePasswordResponse,
  UpdateUserRequest,
} from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

export function getAdminUsers(query: AdminUserQuery, signal?: AbortSignal): Promise<AdminUserPage> {
  return apiClient.get<AdminUserPage>('/admin/users', {
    signal,
    query: {
      search: query.search || undefined,
      orgUnitId: query.orgUnitId,
      role: query.role,
      isActive: query.isActive === undefined ? undefined : String(query.isActive),
      page: query.page,
      pageSize: query.pageSize,
    },
  });
}

export function createUser(request: CreateUserRequest): Promise<OneTimePasswordResponse> {
  return apiClient.post<OneTimePasswordResponse>('/admin/users', request);
}

export function updateUser(id: string, request: UpdateUserRequest): Promise<AdminUser> {
  return apiClient.patch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, request);
}

export function resetUserPassword(id: string): Promise<OneTimePasswordResponse> {
  return apiClient.post<OneTimePasswordResponse>(`/admin/users/${encodeURIComponent(id)}/reset-password`);
}
