export * from './schema.js';
export * from './errors.js';
export { loadCatalog, loadCatalogFile, loadCatalogFileAsync } from './loader.js';
export * from './rules.js';
export * from './notices.js';
export * from './search.js';
export { findItem } from './find.js';
export * from './form-check.js';
