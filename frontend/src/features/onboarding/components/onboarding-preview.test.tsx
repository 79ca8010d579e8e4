import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OnboardingPreview } from '@dutylist/shared';
import { renderWithProviders } from '@/test/test-utils';
import { OnboardingPreviewPanel } from './onboarding-preview';

const counts = (c: Partial<OnboardingPreview['counts']['users']>) => ({
  create: 0,
  update: 0,
  unchanged: 0,
  error: 0,
  ...c,
});

function makePreview(overrides: Partial<OnboardingPreview> = {}): OnboardingPreview {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'preview',
    fileName: '奇台县.xlsx',
    fileSha256: 'a'.repeat(64),
    createdAt: '2026-12-01T08:00:00.000Z',
    expiresAt: '2026-12-02T08:00:00.000Z',
    confirmedAt: null,
    counts: { orgUnits: counts({ create: 1, error: 1 }), users: counts({ create: 1 }), problems: 1 },
    orgUnits: [
      {
        row: 2,
        name: '碧流河镇',
        shortName: null,
        level: 'township',
        parent: '奇台县',
        path: '奇台县/碧流河镇',
        aliases: [],
        action: 'create',
        changes: [],
      },
      {
        row: 3,
        name: '吉布库镇',
        shortName: null,
        level: null,
        parent: '奇台县',
        path: null,
        aliases: [],
        action: 'error',
        changes: [],
      },
    ],
    users: [
      {
        row: 2,
        username: 'blh',
        displayName: '张三',
        role: 'township_drafter',
        orgUnit: '碧流河镇',
        orgUnitPath: '奇台县/碧流河镇',
        email: null,
        action: 'create',
        changes: [],
      },
    ],
    problems: [{ sheet: '组织机构', row: 3, column: '类型', message: '类型“镇”无效' }],
    canConfirm: false,
    passwordsAvailable: false,
    ...overrides,
  };
}

describe('OnboardingPreviewPanel', () => {
  it('shows the counts and the report with sheet, row and column; the rows can be filtered to problems', () => {
    renderWithProviders(<OnboardingPreviewPanel preview={makePreview()} />);
    expect(screen.getByTestId('onboarding-problems-alert').textContent).toContain('1 个问题');
    const report = screen.getByTestId('onboarding-problems');
    const row = within(report).getByText('类型“镇”无效').closest('tr') as HTMLElement;
    expect(within(row).getByText('组织机构')).toBeTruthy();
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText('类型')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: /组织机构/ }));
    // Filtered to problems by default when there are any: only row 3.
    const orgs = screen.getByTestId('onboarding-org-rows');
    expect(within(orgs).queryByText('碧流河镇')).toBeNull();
    expect(within(orgs).getByText('类型“镇”无效')).toBeTruthy();
    fireEvent.click(screen.getByText('全部'));
    expect(within(screen.getByTestId('onboarding-org-rows')).getByText('碧流河镇')).toBeTruthy();
  });

  it('says when everything checks out', () => {
    renderWithProviders(
      <OnboardingPreviewPanel
        preview={makePreview({
          problems: [],
          canConfirm: true,
          counts: { orgUnits: counts({ create: 1 }), users: counts({ create: 1 }), problems: 0 },
        })}
      />,
    );
    expect(screen.getByText('校验通过，可以确认导入')).toBeTruthy();
    expect(screen.queryByTestId('onboarding-problems')).toBeNull();
  });
});
