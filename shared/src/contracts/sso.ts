import { z } from 'zod';
import { loginResponseSchema } from './auth';

/** GET /api/auth/oidc/config: whether single sign-on is on, and the text of its button. Public. */
export const ssoConfigResponseSchema = z.object({
  enabled: z.boolean(),
  label: z.string(),
});
export type SsoConfigResponse = z.infer<typeof ssoConfigResponseSchema>;

/** POST /api/auth/oidc/exchange: the one-time code the callback handed to the single-page app. */
export const ssoExchangeRequestSchema = z.object({
  code: z.string().trim().min(1, '缺少登录凭据').max(200),
});
export type SsoExchangeRequest = z.infer<typeof ssoExchangeRequestSchema>;

/** The login, as POST /api/auth/login answers it, plus the page the user started from. */
export const ssoExchangeResponseSchema = loginResponseSchema.extend({
  next: z.string(),
});
export type SsoExchangeResponse = z.infer<typeof ssoExchangeResponseSchema>;

/**
 * Why a single sign-on failed: the callback redirects to `/login?sso_error=<reason>` (a reason, never
 * free text, so that a crafted link cannot put words of its own on the login page).
 */
export const SSO_ERROR_MESSAGES = {
  disabled: '本系统未启用统一身份认证登录，请使用账号密码登录',
  unavailable: '统一身份认证服务暂时无法访问，请稍后重试或使用账号密码登录',
  expired: '登录请求已过期或无效，请重新点击统一身份认证登录',
  state: '登录请求校验失败（可能在多个窗口同时登录），请重新点击统一身份认证登录',
  denied: '统一身份认证未通过或已取消，请重新登录',
  failed: '统一身份认证登录失败，请稍后重试或使用账号密码登录',
  no_username: '统一身份认证未提供用户名，无法匹配本系统账号，请联系管理员',
  unknown_account: '统一身份认证账号在本系统中没有对应的账号，请联系本单位管理员开通',
  account_disabled: '该账号已停用，请联系本单位管理员',
} as const;
export type SsoErrorReason = keyof typeof SSO_ERROR_MESSAGES;

/** The Chinese message of a `sso_error` reason; anything else gets the generic one. */
export function ssoErrorMessage(reason: string): string {
  return Object.prototype.hasOwnProperty.call(SSO_ERROR_MESSAGES, reason)
    ? SSO_ERROR_MESSAGES[reason as SsoErrorReason]
    : SSO_ERROR_MESSAGES.failed;
}
