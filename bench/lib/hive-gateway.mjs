// Hive Gateway (@graphql-hive/gateway, one Node process) on the supergraph in SUPERGRAPH_FILE, with
// the shared identity hook (peer-identity.mjs): the caller is verified once per request, each
// subgraph fetch gets its own assertion. Used only by bench/gateways.mjs.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { callerOf, subgraphHeaders, subgraphUrls } from './peer-identity.mjs';

const supergraph = readFileSync(process.env.SUPERGRAPH_FILE, 'utf8');
const names = subgraphUrls(supergraph);
const callers = new WeakMap();
const callerFor = (request) => {
  let c = callers.get(request);
  if (!c) callers.set(request, (c = callerOf(request.headers)));
  return c;
};
const gateway = createGatewayRuntime({
  supergraph,
  logging: 'error',
  // By default Hive's HTTP executor (@graphql-tools/executor-http) answers identical in-flight subgraph
  // queries (same URL and body) with ONE upstream call, whoever asked: two clerks reading one person
  // at the same moment would both get the answer fetched under the first clerk's identity assertion,
  // and the subgraph would never check the second clerk's role and jurisdiction. Identity headers are
  // added in onFetch, after the key is taken, so they do not separate the calls. Off here, as a police
  // deployment must run it (and so that every gateway does one subgraph call per request).
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  plugins: () => [
    {
      async onFetch({ url, options, setOptions, context }) {
        const subgraph = names.get(url);
        if (!subgraph || !context?.request) return;
        const h = await subgraphHeaders(await callerFor(context.request), subgraph);
        setOptions({ ...options, headers: { ...options.headers, ...h } });
      },
    },
  ],
});
createServer(gateway).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`ready http://127.0.0.1:${process.env.PORT}/graphql\n`));
// The runtime's own signal handling disposes but keeps the process (and so the bench) alive.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
