export * from './enums';
export * from './errors';
export * from './contracts';
export * from './document/parse-text';
export * from './document/normalize';
