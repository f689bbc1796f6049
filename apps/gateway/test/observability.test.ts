import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, TestStack } from '@onewindow/testing';

/**
 * Decision 0032 end to end: one acceptance through the gateway is one trace — the gateway, the
 * counter subgraph, the NATS request to household, household's outbox publish and the counter's
 * consumer that applies the event — exported over OTLP/HTTP (JSON) to a receiver in this test;
 * and every service's `/metrics` shows the operation, the NATS request histogram and the outbox
 * backlog without any personal data.
 */
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, phone 13800138000
const OPERATION = 'ObsAcceptIdCard';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** A tiny OTLP/HTTP trace receiver: POST /v1/traces with the JSON encoding of ExportTraceServiceRequest. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          let body = Buffer.concat(chunks);
          if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
          if (req.url === '/v1/traces' && String(req.headers['content-type']).includes('json')) this.collect(JSON.parse(body.toString('utf8')));
        } catch {
          // a malformed export is simply not counted
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  private collect(request: { resourceSpans?: { resource?: { attributes?: { key: string; value: { stringValue?: string } }[] }; scopeSpans?: { spans?: ReceivedSpan[] }[] }[] }): void {
    for (const rs of request.resourceSpans ?? []) {
      const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) this.spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name });
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('observability: one trace per acceptance, metrics without personal data (decision 0032)', () => {
  const receiver = new OtlpReceiver();
  const stack = new TestStack({
    services: ['counter', 'household'],
    env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', OTEL_BSP_SCHEDULE_DELAY: '200' },
  });
  let clerk: string;
  const traceId = randomBytes(16).toString('hex');

  beforeAll(async () => {
    await receiver.start();
    // The stack's processes export to this test's receiver.
    stack.options.env!['ONEWINDOW_OTLP_ENDPOINT'] = `http://127.0.0.1:${receiver.port}`;
    await stack.start();
    clerk = await stack.login('demo-clerk');
  }, 240_000);
  afterAll(async () => {
    await stack.stop();
    await receiver.stop();
  }, 60_000);

  const metricsOf = async (baseUrl: string) => {
    const res = await fetch(baseUrl.replace(/\/graphql$/, '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('gateway → counter → household (NATS) → outbox → counter consumer share one trace id', async () => {
    // The counter learns household's catalog from its events: wait until the item is there.
    await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string }[] }>('{ catalogItems(keyword: "身份证") { code } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === 'HH-ID-CARD-REPLACE');
    }, 60_000);
    // The UI's request, carrying its own W3C traceparent (the gateway would start a trace otherwise).
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${clerk}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({
        operationName: OPERATION,
        query: `mutation ${OPERATION}($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`,
        variables: {
          input: {
            idempotencyKey: 'obs-trace-1',
            itemCode: 'HH-ID-CARD-REPLACE',
            applicantIdNumber: APPLICANT,
            presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
            form: { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' },
          },
        },
      }),
    });
    const body = (await res.json()) as { data?: { acceptApplication: { __typename: string; status: string } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.acceptApplication).toMatchObject({ __typename: 'Application', status: 'ACCEPTED' });

    const spans = await eventually(async () => {
      const mine = receiver.spans.filter((s) => s.traceId === traceId);
      const has = (service: string, name: RegExp) => mine.some((s) => s.service === service && name.test(s.name));
      return has('gateway', new RegExp(`^graphql ${OPERATION}$`))
        && has('counter', /^graphql /)
        && has('counter', /^nats\.request rpc\.household\./)
        && has('household', /^nats\.serve rpc\.household\./)
        && has('household', /^outbox\.publish household\./)
        && has('counter', /^consume counter-inbox-household$/)
        && mine;
    }, 60_000);
    // One trace: every span but the UI's root has its parent inside it.
    const ids = new Set(spans.map((s) => s.spanId));
    const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    expect(roots.map((s) => s.service)).toEqual(['gateway']);
    // No span name carries the ID number or the name.
    expect(spans.map((s) => s.name).join('\n')).not.toMatch(new RegExp(`${APPLICANT}|张伟|13800138000`));
  });

  it('/metrics of the gateway, counter and household: the operation, NATS latency, outbox backlog — no personal data', async () => {
    const gateway = await metricsOf(stack.gatewayUrl);
    expect(gateway).toMatch(new RegExp(`onewindow_graphql_requests_total\\{[^}]*operation="${OPERATION}"[^}]*outcome="ok"[^}]*\\} 1`));
    expect(gateway).toMatch(new RegExp(`onewindow_graphql_request_duration_seconds_count\\{[^}]*operation="${OPERATION}"`));
    expect(gateway).toContain('process_cpu_user_seconds_total');

    const counter = await metricsOf(`http://127.0.0.1:${stack.ports.get('counter')}/graphql`);
    // The gateway names its subgraph fetch after the client's operation.
    expect(counter).toMatch(new RegExp(`onewindow_graphql_requests_total\\{[^}]*operation="${OPERATION}[^"]*"`));
    expect(counter).toMatch(/onewindow_nats_request_duration_seconds_count\{[^}]*subject="rpc\.household\.[^"]+"[^}]*side="client"/);

    const household = await eventually(async () => {
      const text = await metricsOf(`http://127.0.0.1:${stack.ports.get('household')}/graphql`);
      return /onewindow_outbox_backlog\{[^}]*\} 0/.test(text) && text;
    });
    expect(household).toMatch(/onewindow_nats_request_duration_seconds_count\{[^}]*subject="rpc\.household\.[^"]+"[^}]*side="server"/);
    expect(household).toMatch(/onewindow_outbox_oldest_age_seconds\{[^}]*\} 0/);
    expect(household).toMatch(/onewindow_outbox_published_total\{[^}]*\} [1-9]/);
    expect(await metricsOf(`http://127.0.0.1:${stack.ports.get('counter')}/graphql`)).toMatch(/onewindow_consumer_pending\{[^}]*consumer="counter-inbox-household"[^}]*\} \d+/);

    for (const text of [gateway, counter, household]) {
      expect(text).not.toContain(APPLICANT);
      expect(text).not.toContain('张伟');
      expect(text).not.toContain('13800138000');
    }
  });
});
