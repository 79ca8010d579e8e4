export * from './match-items';
export * from './normalize-for-match';
