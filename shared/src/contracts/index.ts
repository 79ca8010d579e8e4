export * from './auth';
export * from './health';
export * from './items';
export * from './lists';
export * from './org-units';
