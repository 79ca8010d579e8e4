export * from './auth';
export * from './diffs';
export * from './health';
export * from './imports';
export * from './items';
export * from './lists';
export * from './org-units';
export * from './review';
