export * from './transfer-worker.js';
