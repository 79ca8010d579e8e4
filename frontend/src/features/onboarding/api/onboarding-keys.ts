export const onboardingKeys = {
  all: ['onboarding'] as const,
  detail: (id: string) => [...onboardingKeys.all, 'detail', id] as const,
};
