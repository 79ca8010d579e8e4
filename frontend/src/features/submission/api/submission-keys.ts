export const submissionKeys = {
  all: ['submission'] as const,
  /** GET /lists/:id/validation: the import rules run on the draft. */
  validation: (listId: string) => [...submissionKeys.all, 'validation', listId] as const,
};
