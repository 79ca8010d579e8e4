import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SSO_ERROR_MESSAGES, type SsoExchangeResponse } from '@dutylist/shared';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { makeUserAbilities } from '@/test/fixtures';
import { LoginPage } from './login-page';
import { SsoCallbackPage } from './sso-callback-page';

const config = { path: '/api/auth/oidc/config', body: { enabled: true, label: '统一身份认证登录' } };
const demo = { path: '/api/auth/demo-accounts', body: { enabled: false, accounts: [] } };

describe('single sign-on on the login page', () => {
  it('offers the button when the server has single sign-on on, beside the password form', async () => {
    mockFetch([config, demo]);
    renderWithProviders(<LoginPage />, { route: '/login' });
    const button = await screen.findByTestId('sso-login');
    expect(button.textContent).toBe('统一身份认证登录');
    expect(button.getAttribute('href')).toBe('/api/auth/oidc/login?next=%2Flists');
    expect(screen.getByText('或使用本系统账号密码登录')).toBeTruthy();
    expect(screen.getByTestId('login-submit')).toBeTruthy();
  });

  it('shows no button when single sign-on is off', async () => {
    const fetchMock = mockFetch([{ ...config, body: { enabled: false, label: '统一身份认证登录' } }, demo]);
    renderWithProviders(<LoginPage />, { route: '/login' });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/oidc/config', expect.anything()));
    expect(screen.queryByTestId('sso-login')).toBeNull();
  });

  it('explains a refused single sign-on in Chinese, never with text taken from the address', async () => {
    mockFetch([config, demo]);
    renderWithProviders(<LoginPage />, { route: '/login?sso_error=unknown_account&sso_user=zhangsan' });
    expect((await screen.findByTestId('sso-error')).textContent).toContain(SSO_ERROR_MESSAGES.unknown_account);
    expect(screen.getByText('统一身份认证用户名：zhangsan')).toBeTruthy();
  });

  it('answers an unknown reason with the general message', async () => {
    mockFetch([config, demo]);
    renderWithProviders(<LoginPage />, { route: '/login?sso_error=请拨打电话' });
    expect((await screen.findByTestId('sso-error')).textContent).toBe(SSO_ERROR_MESSAGES.failed);
  });
});

describe('SsoCallbackPage', () => {
  const login: SsoExchangeResponse = {
    accessToken: 'token-from-sso',
    next: '/tasks',
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      username: 'qitai',
      displayName: '奇台县审核人',
      role: 'county_reviewer',
      orgUnit: { id: '00000000-0000-4000-8000-000000000002', name: '奇台县', level: 'county' },
      orgPath: [],
      can: makeUserAbilities({ viewDashboard: true, reviewLists: true }),
    },
  };

  it('redeems the code once, stores the token and opens the page the user started from', async () => {
    const fetchMock = mockFetch([{ method: 'POST', path: '/api/auth/oidc/exchange', body: login }]);
    renderWithProviders(
      <Routes>
        <Route path="/login/sso" element={<SsoCallbackPage />} />
        <Route path="/tasks" element={<div>我的待办页</div>} />
      </Routes>,
      { route: '/login/sso?code=abc' },
    );
    expect(await screen.findByText('我的待办页')).toBeTruthy();
    expect(window.localStorage.getItem('dutylist.token')).toBe('token-from-sso');
    const exchanges = fetchMock.mock.calls.filter(([url]) => url === '/api/auth/oidc/exchange');
    expect(exchanges).toHaveLength(1);
    expect(JSON.parse(String(exchanges[0][1]?.body))).toEqual({ code: 'abc' });
  });

  it('shows why the exchange failed, with the way back to the login page', async () => {
    window.localStorage.clear();
    mockFetch([
      {
        method: 'POST',
        path: '/api/auth/oidc/exchange',
        status: 401,
        body: {
          statusCode: 401,
          code: 'SSO_CODE_INVALID',
          message: '登录凭据无效或已过期，请重新点击统一身份认证登录',
        },
      },
    ]);
    renderWithProviders(<SsoCallbackPage />, { route: '/login/sso?code=used' });
    expect(await screen.findByText('登录凭据无效或已过期，请重新点击统一身份认证登录')).toBeTruthy();
    expect(screen.getByText('返回登录页')).toBeTruthy();
    expect(window.localStorage.getItem('dutylist.token')).toBeNull();
  });
});
