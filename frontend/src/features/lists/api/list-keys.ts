export const listKeys = {
  all: ['lists'] as const,
  index: () => [...listKeys.all, 'index'] as const,
  detail: (listId: string) => [...listKeys.all, 'detail', listId] as const,
};
