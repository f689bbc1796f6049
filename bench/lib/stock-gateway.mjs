// A stock @apollo/gateway + @apollo/server (standalone) on the supergraph in SUPERGRAPH_FILE, with the
// shared identity hook (peer-identity.mjs). Used only by bench/gateways.mjs.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { callerOf, subgraphHeaders } from './peer-identity.mjs';

const supergraphSdl = readFileSync(process.env.SUPERGRAPH_FILE, 'utf8');
class SignedDataSource extends RemoteGraphQLDataSource {
  constructor(name, url) {
    super({ url });
    this.subgraph = name;
  }
  async willSendRequest({ request, context }) {
    if (!context?.caller) return;
    for (const [k, v] of Object.entries(await subgraphHeaders(context.caller, this.subgraph))) request.http?.headers.set(k, v);
  }
}
const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ name, url }) => new SignedDataSource(name, url) });
const server = new ApolloServer({ gateway, csrfPrevention: true });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  context: async ({ req }) => ({ caller: await callerOf(req.headers) }),
});
process.stdout.write(`ready ${url}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
