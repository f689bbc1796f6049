import { HttpException } from '@nestjs/common';
import { createMetricsController } from './http-observability.js';
import { operationLabel } from './metrics.js';
import { otlpEndpointFrom } from './tracing.js';

type Scrape = { metrics(authorization: string | undefined, res: { setHeader(k: string, v: string): void; send(b: string): void }): Promise<void> };

async function scrape(access: { token?: string; production: boolean }, authorization?: string): Promise<number> {
  const Controller = createMetricsController(access) as new () => Scrape;
  let sent = '';
  try {
    await new Controller().metrics(authorization, { setHeader: () => undefined, send: (b) => (sent = b) });
    return sent.includes('onewindow_graphql_requests_total') ? 200 : 500;
  } catch (err) {
    return (err as HttpException).getStatus();
  }
}

describe('operationLabel: bounded, personal-data-free label values', () => {
  it('keeps ordinary operation names', () => {
    expect(operationLabel('AcceptApplication')).toBe('AcceptApplication');
    expect(operationLabel('Accept__counter__0')).toBe('Accept__counter__0');
  });
  it('anonymous operations and names that are not names', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
    expect(operationLabel('a b')).toBe('other');
    expect(operationLabel('张伟')).toBe('other');
  });
  it('a run of six digits (ID number, phone) never becomes a label', () => {
    expect(operationLabel('Q110101199003071234')).toBe('other');
    expect(operationLabel('call13800138000')).toBe('other');
  });
  it('stops adding names after 300 distinct ones', () => {
    for (let i = 0; i < 400; i++) operationLabel(`Op${String.fromCharCode(97 + (i % 26))}${i}x`);
    expect(operationLabel('NeverSeenBeforeOperation')).toBe('other');
    expect(operationLabel('AcceptApplication')).toBe('AcceptApplication');
  });
});

describe('otlpEndpointFrom', () => {
  it('off without an endpoint; /v1/traces appended to a base URL; the traces URL as given', () => {
    expect(otlpEndpointFrom({})).toBeUndefined();
    expect(otlpEndpointFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe('http://collector:4318/v1/traces');
    expect(otlpEndpointFrom({ ONEWINDOW_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318' })).toBe('http://a:4318/v1/traces');
    expect(otlpEndpointFrom({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' })).toBe('http://c:4318/custom');
  });
});

describe('GET /metrics access', () => {
  const token = 'scraper-token-0123456789';
  it('open in demo/test without a token; off (404) in production without one', async () => {
    expect(await scrape({ production: false })).toBe(200);
    expect(await scrape({ production: true })).toBe(404);
  });
  it('with METRICS_TOKEN only the bearer of that token', async () => {
    for (const production of [false, true]) {
      expect(await scrape({ token, production })).toBe(401);
      expect(await scrape({ token, production }, `Bearer ${token}x`)).toBe(401);
      expect(await scrape({ token, production }, `Bearer ${token}`)).toBe(200);
    }
  });
});

describe('infra/grafana/onewindow.json', () => {
  it('uses only metric names this kit exports', async () => {
    const { readFileSync } = await import('node:fs');
    const { metricsRegistry } = await import('./metrics.js');
    const dashboard = readFileSync(new URL('../../../../infra/grafana/onewindow.json', import.meta.url), 'utf8');
    const used = new Set([...dashboard.matchAll(/\b(onewindow_[a-z_]+?)(?:_bucket|_count|_sum)?\{/g)].map((m) => m[1]!));
    const exported = new Set(metricsRegistry.getMetricsAsArray().map((m) => m.name));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((n) => !exported.has(n))).toEqual([]);
  });
});
