export const editionKeys = {
  all: ['editions'] as const,
  index: () => [...editionKeys.all, 'index'] as const,
};
