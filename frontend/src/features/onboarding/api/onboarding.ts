import type { OnboardingPreview } from '@dutylist/shared';
import { apiClient, download } from '@/lib/api-client';

const BASE = '/admin/onboarding';

/** The template workbook (组织机构, 用户, 说明). */
export function downloadOnboardingTemplate(): Promise<void> {
  return download(`${BASE}/template`, undefined, '批量导入模板.xlsx');
}

/** Uploads a filled workbook and answers its preview with the validation report; nothing is written. */
export function uploadOnboarding(file: File): Promise<OnboardingPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.post<OnboardingPreview>(BASE, form);
}

export function getOnboarding(id: string, signal?: AbortSignal): Promise<OnboardingPreview> {
  return apiClient.get<OnboardingPreview>(`${BASE}/${encodeURIComponent(id)}`, { signal });
}

/** Applies the preview in one transaction (409 ONBOARDING_STALE when the directory changed since). */
export function confirmOnboarding(id: string): Promise<OnboardingPreview> {
  return apiClient.post<OnboardingPreview>(`${BASE}/${encodeURIComponent(id)}/confirm`);
}

/** The new accounts' initial passwords: works once (then 410 ONBOARDING_PASSWORDS_GONE). */
export function downloadInitialPasswords(id: string): Promise<void> {
  return download(`${BASE}/${encodeURIComponent(id)}/passwords`, undefined, '初始密码.xlsx');
}
