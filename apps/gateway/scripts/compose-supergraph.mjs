#!/usr/bin/env node
// Compose the supergraph from the six subgraphs' SDL and write apps/gateway/supergraph.graphql.
//
//   npm run supergraph -w @onewindow/gateway     # starts the six services on throwaway databases
//
// Needs what the integration tests need (PostgreSQL and NATS, see README) and a build
// (`npm run build`). The gateway test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdentitySigner } from '@onewindow/platform';
import { ALL_SERVICES, TestStack } from '@onewindow/testing';
import { GatewayConfig } from '../dist/config.js';
import { composeSupergraph, fetchSubgraphSdl, SUPERGRAPH_HEADER } from '../dist/supergraph.js';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../supergraph.graphql');
const defaults = new GatewayConfig();
console.log('• starting the six services on throwaway databases to read their SDL …');
const stack = await new TestStack({ gateway: false }).start();
try {
  const signer = new IdentitySigner(defaults.INTERNAL_IDENTITY_SECRET);
  const subgraphs = [];
  for (const { name, url } of defaults.subgraphs()) {
    if (!ALL_SERVICES.includes(name)) throw new Error(`unknown subgraph ${name}`);
    subgraphs.push({ name, url, sdl: await fetchSubgraphSdl(`http://127.0.0.1:${stack.ports.get(name)}/graphql`, signer, name) });
  }
  const sdl = composeSupergraph(subgraphs);
  writeFileSync(out, SUPERGRAPH_HEADER + sdl + '\n');
  console.log(`✔ wrote ${path.relative(process.cwd(), out)} (${sdl.split('\n').length} lines)`);
} finally {
  await stack.stop();
}
