export * from './police-type-service.module.js';
