export const itemKeys = {
  all: ['items'] as const,
  byList: (listId: string) => [...itemKeys.all, 'list', listId] as const,
};
