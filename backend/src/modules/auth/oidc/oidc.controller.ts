import { Body, Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import {
  ssoExchangeRequestSchema,
  type SsoConfigResponse,
  type SsoExchangeRequest,
  type SsoExchangeResponse,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../../common/zod-validation.pipe';
import { Public } from '../auth.decorators';
import { LOGIN_CODE_SECONDS } from './oidc-login-codes';
import { FLOW_SECONDS, OidcLoginService } from './oidc-login.service';
import { SsoFailure } from './sso-failure';

const FLOW_COOKIE = 'dutylist_sso_flow';
const BINDING_COOKIE = 'dutylist_sso_binding';
const CALLBACK_PATH = '/api/auth/oidc/callback';
const EXCHANGE_PATH = '/api/auth/oidc/exchange';

/**
 * Single sign-on with the region's unified identity service (OpenID Connect, authorization code flow
 * with PKCE, state and nonce). Browser routes: `login` and `callback` answer with redirects, never JSON.
 *
 * How the session reaches the single-page app: the callback redirects to `/login/sso?code=<one-time
 * code>`, and the app redeems the code with `POST /api/auth/oidc/exchange`. The access token itself is
 * never in a URL (so never in access logs, proxy logs or browser history, as `?token=` would be). The
 * code in the URL may be logged, but it is useless there: it works once, for 60 seconds, and only
 * together with an HttpOnly cookie set on the same redirect (path-limited to the exchange route), which
 * a log reader does not have. A `#token=` fragment would stay out of server logs too, but it would
 * put the 12-hour token itself into the history of the browser and in reach of every script on the page.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('Oidc');

  constructor(private readonly sso: OidcLoginService) {}

  /** Whether the login page shows the single sign-on button, and its text. */
  @Public()
  @Get('config')
  config(): SsoConfigResponse {
    return this.sso.settings();
  }

  /** Starts a login: the flow cookie (state, nonce, PKCE verifier) and a redirect to the identity service. */
  @Public()
  @Get('login')
  async login(@Query('next') next: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const { url, flow } = await this.sso.start(next);
      res.cookie(FLOW_COOKIE, flow, cookieOptions(req, CALLBACK_PATH, FLOW_SECONDS));
      res.redirect(302, url);
    } catch (error) {
      this.fail(res, error);
    }
  }

  /** The identity service's answer: on success a one-time code for the app, else the login page with a reason. */
  @Public()
  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    // The flow is over whatever happens: a second use of the same answer finds no cookie.
    res.clearCookie(FLOW_COOKIE, { ...cookieOptions(req, CALLBACK_PATH, 0), maxAge: undefined });
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      const { code, binding } = await this.sso.callback(search, readCookie(req, FLOW_COOKIE));
      res.cookie(BINDING_COOKIE, binding, cookieOptions(req, EXCHANGE_PATH, LOGIN_CODE_SECONDS));
      res.redirect(302, `/login/sso?code=${encodeURIComponent(code)}`);
    } catch (error) {
      this.fail(res, error);
    }
  }

  /** The single-page app redeems the one-time code (with the binding cookie) for an access token. */
  @Public()
  @Post('exchange')
  @HttpCode(200)
  @ApiZodBody(ssoExchangeRequestSchema)
  exchange(
    @Body(new ZodValidationPipe(ssoExchangeRequestSchema)) body: SsoExchangeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SsoExchangeResponse> {
    res.setHeader('Cache-Control', 'no-store');
    const binding = readCookie(req, BINDING_COOKIE);
    res.clearCookie(BINDING_COOKIE, { ...cookieOptions(req, EXCHANGE_PATH, 0), maxAge: undefined });
    return this.sso.exchange(body.code, binding, {
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
  }

  /** Back to the login page with the reason; the page shows its Chinese message. */
  private fail(res: Response, error: unknown): void {
    const failure = error instanceof SsoFailure ? error : new SsoFailure('failed', String(error));
    if (!(error instanceof SsoFailure)) this.logger.error(`single sign-on failed: ${String(error)}`);
    else this.logger.warn(`single sign-on refused (${failure.reason}): ${failure.message}`);
    const params = new URLSearchParams({ sso_error: failure.reason });
    if (failure.username) params.set('sso_user', failure.username.slice(0, 64));
    res.redirect(302, `/login?${params.toString()}`);
  }
}

/**
 * HttpOnly, limited to the one route that reads it, SameSite=Lax: sent on the identity service's
 * top-level redirect back to the callback, never on a cross-site POST.
 */
function cookieOptions(req: Request, path: string, seconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path, maxAge: seconds * 1000 };
}

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}
