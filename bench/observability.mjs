// CPU cost of the observability kit (decision 0032) per simulated request, tracing off vs on, in
// one process so the two figures are comparable on a loaded machine. One "request" does what the
// instrumentation does for a window acceptance across the system: 6 spans (HTTP, NATS client,
// NATS server, outbox publish, consumer, a nested one), 2 context injections into headers, 2
// extractions, 4 histogram observations and 4 counter increments.
//   npx turbo run build --filter=@onewindow/platform && node bench/observability.mjs [requests=20000]
import { createServer } from 'node:http';
import {
  extractTraceContext, graphqlDuration, graphqlRequests, inSpan, injectTraceContext, natsRequestDuration, natsRequestErrors,
  outboxPublished, consumerMessages, SpanKind, startTracing, stopTracing,
} from '@onewindow/platform';

const requests = Number(process.argv[2] ?? 20_000);

async function oneRequest() {
  const headers = new Map();
  const carrier = { set: (k, v) => headers.set(k, v), get: (k) => headers.get(k) };
  await inSpan('POST /graphql', SpanKind.SERVER, { 'url.path': '/graphql' }, undefined, async () => {
    await inSpan('nats.request rpc.household.v1.application.accept', SpanKind.CLIENT, { 'messaging.system': 'nats' }, undefined, async () => {
      injectTraceContext(carrier);
      await inSpan('nats.serve rpc.household.v1.application.accept', SpanKind.SERVER, {}, extractTraceContext(carrier), async () => {
        await inSpan('outbox.publish household.v1.application.changed', SpanKind.PRODUCER, {}, undefined, async () => {
          injectTraceContext(carrier);
          await inSpan('consume counter-inbox-household', SpanKind.CONSUMER, {}, extractTraceContext(carrier), async () => {
            await inSpan('nested', SpanKind.INTERNAL, {}, undefined, async () => undefined);
          });
        });
      });
    });
  });
  graphqlRequests.inc({ operation: 'AcceptApplication', outcome: 'ok' });
  graphqlDuration.observe({ operation: 'AcceptApplication' }, 0.05);
  graphqlRequests.inc({ operation: 'AcceptApplication__counter__0', outcome: 'ok' });
  graphqlDuration.observe({ operation: 'AcceptApplication__counter__0' }, 0.04);
  natsRequestDuration.observe({ subject: 'rpc.household.v1.application.accept', side: 'client', outcome: 'ok' }, 0.02);
  natsRequestDuration.observe({ subject: 'rpc.household.v1.application.accept', side: 'server', outcome: 'ok' }, 0.015);
  outboxPublished.inc();
  consumerMessages.inc({ consumer: 'counter-inbox-household', outcome: 'applied' });
  if (headers.size > 10) natsRequestErrors.inc({ subject: 'x', side: 'client', code: 'X' });
}

async function measure(label) {
  for (let i = 0; i < 2000; i++) await oneRequest(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < requests; i++) await oneRequest();
  const wall = Number(process.hrtime.bigint() - t0) / 1e3 / requests;
  const cpu = process.cpuUsage(cpu0);
  const cpuPer = (cpu.user + cpu.system) / requests;
  console.log(`${label.padEnd(34)} ${cpuPer.toFixed(1).padStart(7)} µs CPU / request   ${wall.toFixed(1).padStart(7)} µs wall / request`);
  return cpuPer;
}

// A collector that accepts and discards the exports (the exporter's own HTTP work is counted).
let exported = 0;
const sink = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    exported++;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
});
await new Promise((r) => sink.listen(0, '127.0.0.1', r));

console.log(`${requests} simulated requests (6 spans, 4 observations, 4 increments each)`);
const off = await measure('tracing off (default), metrics on');
await startTracing({ endpoint: `http://127.0.0.1:${sink.address().port}/v1/traces`, service: 'bench' });
const on = await measure('tracing on (OTLP/HTTP to a sink)');
await stopTracing();
sink.close();
console.log(`tracing on / off: ${(on / off).toFixed(1)}× CPU; ${exported} export requests`);
