// Database roles live in their own package so that the test kit can use them too (platform's own
// tests depend on the test kit). Re-exported here: services and scripts/start.mjs import the platform.
export { APPEND_ONLY_TABLES, dropServiceDatabase, provisionServiceDatabase, ProvisioningError, READ_ONLY_TABLES, roleUrl } from '@onewindow/database-roles';
export type { ServiceDatabaseSpec, ServiceDatabaseUrls } from '@onewindow/database-roles';
