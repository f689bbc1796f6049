export * from './enums.js';
export * from './identity.js';
export * from './error-codes.js';
export * from './subjects.js';
export * from './messages.js';
export * from './casework.messages.js';
export * from './transfer.messages.js';
export * from './transfer-envelope.js';
