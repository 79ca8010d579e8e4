/** Query keys of the diffs feature: invalidate `diffKeys.all` (or one list's) after a round changes. */
export const diffKeys = {
  all: ['diffs'] as const,
  list: (listId: string) => [...diffKeys.all, listId] as const,
  diff: (listId: string, params: DiffParams) =>
    [...diffKeys.list(listId), 'diff', params.from ?? null, params.to ?? null, params.includeRenumbered] as const,
  sinceMyDecision: (listId: string) => [...diffKeys.list(listId), 'since-my-decision'] as const,
  compare: (listId: string, otherId: string) => [...diffKeys.list(listId), 'compare', otherId] as const,
};

/** The pair to compare: version numbers, or `draft`; undefined = the server's default (the last two rounds). */
export interface DiffParams {
  from?: number;
  to?: number | 'draft';
  includeRenumbered: boolean;
}
