import type { OnboardingAction } from '@dutylist/shared';

export const ACTION_LABELS: Record<OnboardingAction, { text: string; color: string }> = {
  create: { text: '新建', color: 'green' },
  update: { text: '更新', color: 'blue' },
  unchanged: { text: '不变', color: 'default' },
  error: { text: '有问题', color: 'red' },
};
