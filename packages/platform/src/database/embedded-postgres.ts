import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Demo-mode default database: PGlite (PostgreSQL compiled to WASM) behind a wire-protocol socket,
 * persisted under DATA_DIR/<service>/pg, so TypeORM's ordinary postgres driver works unchanged.
 * Loaded lazily so production images never touch it.
 */
export async function startEmbeddedPostgres(dataDir: string, service: string, logger: Logger): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir, service, 'pg');
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dir);
  const port = await freePort();
  // PGlite runs one query at a time; the socket server queues queries from several connections.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 20 });
  await server.start();
  logger.info({ dir, port }, 'embedded PGlite database started');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
