import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SsoConfigResponse, SsoExchangeResponse } from '@dutylist/shared';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import { AppError } from '../../../common/app-error';
import { UsersService } from '../../users/users.service';
import { AuthService, type LoginClient } from '../auth.service';
import { OidcClientService, type OidcChecks } from './oidc-client.service';
import { OidcLoginCodes } from './oidc-login-codes';
import { safeNext } from './safe-next';
import { SsoFailure } from './sso-failure';

/** How long a user may spend at the identity service between the login click and the callback. */
export const FLOW_SECONDS = 10 * 60;
const FLOW_USE = 'oidc-flow';

interface FlowPayload extends OidcChecks {
  use: typeof FLOW_USE;
  next: string;
}

/**
 * Single sign-on, step by step: start (redirect to the identity service), callback (check the answer,
 * match the local account by user name), exchange (the single-page app redeems its one-time code for
 * a session of method `oidc`). Local passwords are untouched.
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger('Oidc');

  constructor(
    private readonly client: OidcClientService,
    private readonly codes: OidcLoginCodes,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  settings(): SsoConfigResponse {
    return { enabled: this.client.enabled, label: this.config.OIDC_LABEL };
  }

  /** The provider's authorization URL and the signed flow state (state, nonce, PKCE verifier, next page). */
  async start(next: unknown): Promise<{ url: string; flow: string }> {
    if (!this.client.enabled) throw new SsoFailure('disabled');
    const { url, checks } = await this.client.startAuthorization();
    const payload: FlowPayload = { use: FLOW_USE, ...checks, next: safeNext(next) };
    const flow = await this.jwt.signAsync(payload, { expiresIn: FLOW_SECONDS });
    return { url, flow };
  }

  /** Checks the provider's answer against the flow cookie and matches the account: a one-time code. */
  async callback(search: string, flowToken: string | null): Promise<{ code: string; binding: string }> {
    if (!this.client.enabled) throw new SsoFailure('disabled');
    const flow = await this.readFlow(flowToken);
    const params = new URLSearchParams(search);
    // Checked here as well as by openid-client, so that a mismatch has its own message.
    if (params.get('state') !== flow.state) throw new SsoFailure('state', 'state does not match the flow cookie');
    const identity = await this.client.finishAuthorization(search, flow);
    if (!identity.username) {
      throw new SsoFailure('no_username', `no ${this.config.OIDC_USERNAME_CLAIM} claim for ${identity.subject}`);
    }
    const found = await this.users.findForLogin(identity.username);
    if (!found) throw new SsoFailure('unknown_account', `no account ${identity.username}`, identity.username);
    // A disabled account, or one of a disabled org unit.
    if (!found.isActive || !(await this.users.findAuthUser(found.id))) {
      throw new SsoFailure('account_disabled', `account ${found.username} is disabled`);
    }
    this.logger.log(`single sign-on of ${found.username} (subject ${identity.subject})`);
    return this.codes.issue({ userId: found.id, next: flow.next });
  }

  /** Redeems the one-time code (with its browser binding) for a session, as a password login would. */
  async exchange(code: string, binding: string | null, client: LoginClient): Promise<SsoExchangeResponse> {
    if (!this.client.enabled) throw new AppError('SSO_DISABLED', '本系统未启用统一身份认证登录');
    let pending;
    try {
      pending = await this.codes.redeem(code, binding);
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', '登录服务暂时不可用，请稍后重试');
    }
    if (!pending) throw new AppError('SSO_CODE_INVALID', '登录凭据无效或已过期，请重新点击统一身份认证登录');
    try {
      const login = await this.auth.startSession(pending.userId, 'oidc', client);
      return { ...login, next: pending.next };
    } catch (error) {
      // Disabled between the callback and the exchange: the same refusal as at the callback.
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
        throw new AppError('INVALID_CREDENTIALS', '该账号已停用，请联系本单位管理员');
      }
      throw error;
    }
  }

  private async readFlow(token: string | null): Promise<FlowPayload> {
    if (!token) throw new SsoFailure('expired', 'no flow cookie');
    try {
      const payload = await this.jwt.verifyAsync<FlowPayload>(token);
      if (payload.use !== FLOW_USE) throw new Error(`use ${String(payload.use)}`);
      return payload;
    } catch (error) {
      throw new SsoFailure('expired', `flow cookie refused: ${String(error)}`);
    }
  }
}
