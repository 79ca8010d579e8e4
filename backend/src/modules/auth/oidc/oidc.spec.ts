import { loadConfig } from '../../../config/configuration';
import { safeNext } from './safe-next';

describe('safeNext: where a single sign-on may return to', () => {
  it('keeps pages of the app, with their query', () => {
    expect(safeNext('/lists/abc/review?round=2')).toBe('/lists/abc/review?round=2');
    expect(safeNext('/tasks')).toBe('/tasks');
  });

  it.each([
    ['another site', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['the login page', '/login?sso_error=failed'],
    ['a control character', '/lists\n/x'],
    ['no value', undefined],
    ['a list of values', ['/a', '/b']],
  ])('sends %s to the lists', (_what, next) => {
    expect(safeNext(next)).toBe('/lists');
  });
});

describe('OIDC settings', () => {
  // The settings under test, with the signing key every configuration needs.
  const env = (vars: Record<string, string>) => ({ JWT_SECRET: 'a-test-signing-key-of-enough-length', ...vars });

  it('is off without an issuer, with the documented defaults', () => {
    const config = loadConfig(env({ OIDC_ISSUER: '' }));
    expect(config.OIDC_ISSUER).toBeUndefined();
    expect(config.OIDC_SCOPES).toBe('openid profile');
    expect(config.OIDC_USERNAME_CLAIM).toBe('preferred_username');
    expect(config.OIDC_LABEL).toBe('统一身份认证登录');
  });

  it('needs a client id with an issuer, and always asks for openid', () => {
    expect(() => loadConfig(env({ OIDC_ISSUER: 'https://id.example.gov.cn' }))).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig(env({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x' }))).toThrow(/OIDC_ISSUER/);
    const config = loadConfig(
      env({
        OIDC_ISSUER: 'https://id.example.gov.cn',
        OIDC_CLIENT_ID: 'x',
        OIDC_SCOPES: 'email,profile',
      }),
    );
    expect(config.OIDC_SCOPES).toBe('openid email profile');
  });
});
