export const commentKeys = {
  all: ['comments'] as const,
  threads: (listId: string, itemId?: string) => [...commentKeys.all, 'threads', listId, itemId ?? 'all'] as const,
  participants: (listId: string) => [...commentKeys.all, 'participants', listId] as const,
};
