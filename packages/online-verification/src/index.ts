export * from './verification.js';
export * from './http-adapter.js';
export * from './fixture-adapter.js';
