export * from './infra.js';
export * from './stack.js';
export * from './reconcile.js';
