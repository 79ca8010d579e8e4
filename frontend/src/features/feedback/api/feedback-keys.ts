export const feedbackKeys = {
  all: ['feedback'] as const,
  /** GET /lists/:id/review, read here for its `feedback` (and the checklist's counts). */
  review: (listId: string) => [...feedbackKeys.all, 'review', listId] as const,
};
