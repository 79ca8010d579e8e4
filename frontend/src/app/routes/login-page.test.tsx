import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DemoAccountsResponse } from '@dutylist/shared';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { LoginPage } from './login-page';

const demoAccounts: DemoAccountsResponse = {
  enabled: true,
  accounts: [
    {
      username: 'biliuhe',
      password: 'demo1234',
      displayName: '碧流河镇起草人',
      role: 'township_drafter',
      orgName: '碧流河镇',
    },
    {
      username: 'qitai',
      password: 'demo1234',
      displayName: '奇台县审核人',
      role: 'county_reviewer',
      orgName: '奇台县',
    },
  ],
};

describe('LoginPage', () => {
  it('lists the demo accounts and fills the form when one is clicked', async () => {
    const fetchMock = mockFetch([{ path: '/api/auth/demo-accounts', body: demoAccounts }]);
    renderWithProviders(<LoginPage />, { route: '/login' });

    expect(screen.getByText('乡镇履职事项清单审核系统')).toBeTruthy();
    expect(screen.getByRole('button', { name: /登\s*录/ })).toBeTruthy();

    const account = await screen.findByTestId('demo-account-biliuhe');
    expect(screen.getByText('演示账号')).toBeTruthy();
    expect(screen.getByText('乡镇起草人')).toBeTruthy();
    expect(screen.getByText('县委编办审核人')).toBeTruthy();
    expect(screen.getAllByText('碧流河镇').length).toBeGreaterThan(0);
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/demo-accounts', expect.anything());

    fireEvent.click(account);
    await waitFor(() => expect((screen.getByTestId('login-username') as HTMLInputElement).value).toBe('biliuhe'));
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('demo1234');
  });

  it('hides the demo panel when demo accounts are disabled and shows the login error from the API', async () => {
    mockFetch([
      { path: '/api/auth/demo-accounts', body: { enabled: false, accounts: [] } },
      {
        method: 'POST',
        path: '/api/auth/login',
        status: 401,
        body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' },
      },
    ]);
    renderWithProviders(<LoginPage />, { route: '/login' });

    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'biliuhe' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(screen.queryByText('演示账号')).toBeNull();
    expect(window.localStorage.getItem('dutylist.token')).toBeNull();
  });
});
