import { readFileSync } from 'node:fs';

/**
 * node-postgres `ssl` options from DATABASE_SSL_MODE / DATABASE_SSL_CA (decision 0026):
 * `disable` → none; `require` → encrypted without checking the server (as libpq's sslmode=require);
 * `verify-full` → the certificate must chain to DATABASE_SSL_CA (or the system CAs) and name the host.
 */
export interface DatabaseTls {
  rejectUnauthorized: boolean;
  ca?: string;
}

export function databaseTls(mode: 'disable' | 'require' | 'verify-full', caFile?: string): DatabaseTls | undefined {
  if (mode === 'disable') return undefined;
  if (mode === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}) };
}
