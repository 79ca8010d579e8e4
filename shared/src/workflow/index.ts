export * from './item-content';
export * from './stage-machine';
