export const importKeys = {
  all: ['imports'] as const,
  detail: (listId: string, importId: string) => [...importKeys.all, 'detail', listId, importId] as const,
};
