import type { INestApplication } from '@nestjs/common';
import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the built counter UI (a single-page app) from the gateway's origin, so the browser talks
 * to `/graphql` without CORS. Unknown paths fall back to index.html for client-side routing.
 */
export function serveUi(app: INestApplication, dir: string): void {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`UI_DIR ${root} has no index.html (build apps/counter-ui first)`);
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  server.get(/^\/(?!graphql|health|metrics|auth\/config).*/, (_req, res) => res.sendFile(path.join(root, 'index.html')));
}
