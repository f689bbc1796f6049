export * from './provision.js';
