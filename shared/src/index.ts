export * from './enums';
export * from './errors';
export * from './contracts';
export * from './document';
export * from './matching';
export * from './workflow';
export * from './diff';
export * from './admin/org-unit-rules';
