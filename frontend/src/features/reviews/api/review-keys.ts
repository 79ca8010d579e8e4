export const reviewKeys = {
  all: ['reviews'] as const,
  state: (listId: string) => [...reviewKeys.all, 'state', listId] as const,
  history: (listId: string, itemId: string) => [...reviewKeys.all, 'history', listId, itemId] as const,
};
