export const auditKeys = {
  all: ['audit'] as const,
  list: (listId: string) => [...auditKeys.all, 'list', listId] as const,
};
