export const dashboardKeys = {
  all: ['dashboard'] as const,
  rows: () => [...dashboardKeys.all, 'rows'] as const,
};
