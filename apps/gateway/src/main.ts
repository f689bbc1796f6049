import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, initMetrics, keepConnectionsLongerThanClients, loadConfig, otlpEndpointFrom, PinoNestLogger, redactConfig, startTracing } from '@onewindow/platform';
import { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { serveUi } from './serve-ui.js';

/** Wait until every subgraph answers its liveness probe, so composition succeeds at first try. */
async function waitForSubgraphs(config: GatewayConfig, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const { name, url } of config.subgraphs()) {
    const health = url.replace(/\/graphql$/, '/health/live');
    for (;;) {
      const ok = await fetch(health).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`subgraph ${name} not reachable at ${health}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

// @apollo/gateway 2.x sends usage metrics (uptime, CPU, memory, OS, cloud provider) to
// usage-reporting.api.apollographql.com every hour unless this is set. A police bureau's gateway
// reports to no third party (and its network policy would only leave the attempts failing).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

try {
  const config = loadConfig('gateway', GatewayConfig);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'starting');
  initMetrics('gateway');
  const endpoint = otlpEndpointFrom(config.ONEWINDOW_OTLP_ENDPOINT ? { ONEWINDOW_OTLP_ENDPOINT: config.ONEWINDOW_OTLP_ENDPOINT } : process.env);
  if (await startTracing({ endpoint, service: 'gateway' })) logger.info({ endpoint }, 'tracing on (OTLP/HTTP)');
  if (config.supergraphSource() === 'introspect') await waitForSubgraphs(config, 120_000);
  else if (!existsSync(config.SUPERGRAPH_FILE)) throw new ConfigError('gateway', [`SUPERGRAPH_FILE ${config.SUPERGRAPH_FILE} does not exist (run \`npm run supergraph -w @onewindow/gateway\`)`]);
  const app = await NestFactory.create(GatewayModule.forConfig(config, logger), { logger: new PinoNestLogger(logger) });
  app.enableShutdownHooks();
  keepConnectionsLongerThanClients(app.getHttpServer());
  if (config.UI_DIR) serveUi(app, config.UI_DIR);
  await app.listen(config.PORT, config.HOST);
  const { port } = app.getHttpServer().address() as { port: number };
  logger.info({ url: `http://127.0.0.1:${port}/graphql` }, 'gateway ready');
} catch (err) {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `[gateway] failed to start: ${(err as Error).message}\n`);
  process.exit(1);
}
