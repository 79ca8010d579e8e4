import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../../config/configuration';
import { SsoFailure } from './sso-failure';

type OpenIdClient = typeof import('openid-client');

/** What the callback must check against the authorization response: kept in the flow cookie. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the identity service says the user is. */
export interface OidcIdentity {
  subject: string;
  /** The OIDC_USERNAME_CLAIM value (ID token, else userinfo); null when the service sends none. */
  username: string | null;
}

/**
 * The relying party: discovery, the authorization request (code flow, PKCE S256, state, nonce) and the
 * code exchange, with openid-client.
 *
 * openid-client 6 is ESM-only and the backend compiles to CommonJS: TypeScript's `nodenext` keeps the
 * `import()` below as a real dynamic import (not a `require`), so Node loads the ES module when single
 * sign-on is first used. Nothing loads it while OIDC_ISSUER is unset (jest, which cannot import ES
 * modules in-process, never reaches it; the OIDC end-to-end test runs the built app as a process).
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger('Oidc');
  private discovered: Promise<{ lib: OpenIdClient; config: Configuration }> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly appConfig: AppConfig) {}

  get enabled(): boolean {
    return this.appConfig.OIDC_ISSUER !== undefined;
  }

  /** Registered at the identity service as the client's redirect URI. */
  get redirectUri(): string {
    return `${this.appConfig.APP_BASE_URL}/api/auth/oidc/callback`;
  }

  /** The provider's authorization URL for a new login, and the checks its answer must pass. */
  async startAuthorization(): Promise<{ url: string; checks: OidcChecks }> {
    const { lib, config } = await this.client();
    const checks: OidcChecks = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      codeVerifier: lib.randomPKCECodeVerifier(),
    };
    const url = lib.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.appConfig.OIDC_SCOPES,
      response_type: 'code',
      code_challenge: await lib.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /** Exchanges the code of the callback (its query string) for tokens and reads the user name claim. */
  async finishAuthorization(search: string, checks: OidcChecks): Promise<OidcIdentity> {
    const { lib, config } = await this.client();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = search;
    try {
      const tokens = await lib.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new SsoFailure('failed', 'no ID token claims');
      const claim = this.appConfig.OIDC_USERNAME_CLAIM;
      let username = claimString(claims[claim]);
      // Providers conforming to OIDC Core put scope claims (profile) only into userinfo.
      if (!username) username = claimString((await lib.fetchUserInfo(config, tokens.access_token, claims.sub))[claim]);
      return { subject: claims.sub, username };
    } catch (error) {
      if (error instanceof SsoFailure) throw error;
      if (error instanceof lib.AuthorizationResponseError) {
        throw new SsoFailure('denied', `${error.error}: ${error.error_description ?? ''}`);
      }
      throw new SsoFailure('failed', describe(error));
    }
  }

  /** Discovery once per process (again after a failure, so a provider that was down is retried). */
  private client(): Promise<{ lib: OpenIdClient; config: Configuration }> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null;
      this.logger.warn(`OIDC discovery of ${this.appConfig.OIDC_ISSUER} failed: ${describe(error)}`);
      throw new SsoFailure('unavailable', describe(error));
    });
    return this.discovered;
  }

  private async discover(): Promise<{ lib: OpenIdClient; config: Configuration }> {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.appConfig;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) throw new SsoFailure('disabled');
    const lib = await import('openid-client');
    const issuer = new URL(OIDC_ISSUER);
    // http:// only for a provider on the same host or a test; say so loudly otherwise.
    const insecure = issuer.protocol === 'http:';
    if (insecure && !['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) {
      this.logger.warn(`OIDC_ISSUER ${OIDC_ISSUER} is plain http: use https outside a closed network`);
    }
    const execute = insecure ? [lib.allowInsecureRequests] : [];
    const discovered = await lib.discovery(issuer, OIDC_CLIENT_ID, undefined, lib.None(), { execute, timeout: 15 });
    const metadata = discovered.serverMetadata();
    // client_secret_basic is the default of the specification; client_secret_post where only it is offered.
    const methods = metadata.token_endpoint_auth_methods_supported;
    const auth = !OIDC_CLIENT_SECRET
      ? lib.None()
      : methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
        ? lib.ClientSecretPost(OIDC_CLIENT_SECRET)
        : lib.ClientSecretBasic(OIDC_CLIENT_SECRET);
    const config = new lib.Configuration(metadata, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, auth);
    for (const apply of execute) apply(config);
    this.logger.log(`single sign-on with ${metadata.issuer}`);
    return { lib, config };
  }
}

function claimString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
