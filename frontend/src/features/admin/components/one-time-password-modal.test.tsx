import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { OneTimePasswordResponse } from '@dutylist/shared';
import { renderWithProviders } from '@/test/test-utils';
import { OneTimePasswordModal } from './one-time-password-modal';

const result: OneTimePasswordResponse = {
  oneTimePassword: 'Kq7m-Xp3T-wz9R',
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'xibeiwan',
    displayName: '张丽',
    role: 'township_drafter',
    orgUnit: { id: '00000000-0000-4000-8000-000000000002', name: '西北湾镇', level: 'township' },
    email: null,
    isActive: true,
    mustChangePassword: true,
    lastLoginAt: null,
    createdAt: '2026-12-03T08:00:00.000Z',
  },
};

describe('OneTimePasswordModal', () => {
  it('shows the user name and the one-time password once, with the warning, and closes only by its button', () => {
    const onClose = vi.fn();
    renderWithProviders(<OneTimePasswordModal result={result} reason="created" onClose={onClose} />);
    expect(screen.getByText('账号已创建')).toBeTruthy();
    expect(screen.getByText('初始密码只显示这一次')).toBeTruthy();
    expect(screen.getByTestId('otp-username').textContent).toBe('xibeiwan');
    expect(screen.getByTestId('otp-password').textContent).toContain('Kq7m-Xp3T-wz9R');
    expect(screen.getByText('西北湾镇 · 乡镇起草人')).toBeTruthy();
    expect(screen.queryByLabelText('Close')).toBeNull();
    fireEvent.click(screen.getByTestId('otp-done'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says 密码已重置 after a reset', () => {
    renderWithProviders(<OneTimePasswordModal result={result} reason="reset" onClose={() => undefined} />);
    expect(screen.getByText('密码已重置')).toBeTruthy();
  });
});
