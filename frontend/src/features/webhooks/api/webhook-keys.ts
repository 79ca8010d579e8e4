/** Query keys of the group-robot screen: invalidate `all` after any change to a robot. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  orgUnits: () => [...webhookKeys.all, 'org-units'] as const,
};
