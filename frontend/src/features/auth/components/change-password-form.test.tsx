import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithProviders } from '@/test/test-utils';
import { ChangePasswordForm } from './change-password-form';

function fill(current: string, next: string, confirm = next) {
  fireEvent.change(screen.getByTestId('current-password'), { target: { value: current } });
  fireEvent.change(screen.getByTestId('new-password'), { target: { value: next } });
  fireEvent.change(screen.getByTestId('confirm-password'), { target: { value: confirm } });
  fireEvent.click(screen.getByTestId('change-password-submit'));
}

describe('ChangePasswordForm', () => {
  it(
    'checks the shared policy before sending, then sends the change and reports success',
    { timeout: 60_000 },
    async () => {
      const fetchMock = mockFetch([{ method: 'POST', path: '/api/auth/change-password', status: 204 }]);
      const onSuccess = vi.fn();
      renderWithProviders(<ChangePasswordForm username="biliuhe" onSuccess={onSuccess} />);

      fill('demo1234', 'biliuhe-2026x');
      expect(await screen.findByText('密码不能包含用户名', undefined, { timeout: 8000 })).toBeTruthy();
      fill('demo1234', 'Tianshan-2026-duty', 'Tianshan-2026-dut');
      expect(await screen.findByText('两次输入的新密码不一致', undefined, { timeout: 8000 })).toBeTruthy();
      expect(fetchMock).not.toHaveBeenCalled();

      fill('demo1234', 'Tianshan-2026-duty');
      await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 8000 });
      const [, init] = fetchMock.mock.calls[0];
      expect(JSON.parse(String(init?.body))).toEqual({
        currentPassword: 'demo1234',
        newPassword: 'Tianshan-2026-duty',
      });
    },
  );

  it('shows the API’s reason when the current password is wrong', async () => {
    mockFetch([
      {
        method: 'POST',
        path: '/api/auth/change-password',
        status: 400,
        body: { statusCode: 400, code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确' },
      },
    ]);
    renderWithProviders(<ChangePasswordForm username="biliuhe" />);
    fill('wrong-one', 'Tianshan-2026-duty');
    expect((await screen.findByTestId('change-password-error')).textContent).toContain('当前密码不正确');
  });
});
