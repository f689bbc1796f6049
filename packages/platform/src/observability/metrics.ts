import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (one registry per process: one service per process). Labels
 * are operation names, subjects, consumer and job names only — never ids or personal data — and
 * each is bounded (`boundedLabel`), so a client cannot grow the series without limit.
 */
export const metricsRegistry = new Registry();

let initialised = false;

/** Default Node process metrics and the `service` label on every series; call once at boot. */
export function initMetrics(service: string): void {
  if (initialised) return;
  initialised = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const graphqlRequests = new Counter({
  name: 'onewindow_graphql_requests_total',
  help: 'GraphQL requests by operation name and outcome (ok | error)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'onewindow_graphql_request_duration_seconds',
  help: 'GraphQL request latency by operation name',
  labelNames: ['operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const natsRequestDuration = new Histogram({
  name: 'onewindow_nats_request_duration_seconds',
  help: 'NATS request/reply latency by subject, side (client | server) and outcome (ok | error)',
  labelNames: ['subject', 'side', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const natsRequestErrors = new Counter({
  name: 'onewindow_nats_request_errors_total',
  help: 'NATS requests that failed, by subject, side and error code (e.g. SERVICE_UNAVAILABLE, NOT_FOUND)',
  labelNames: ['subject', 'side', 'code'] as const,
  registers: [metricsRegistry],
});

export const outboxPublished = new Counter({
  name: 'onewindow_outbox_published_total',
  help: 'Outbox rows published to JetStream',
  registers: [metricsRegistry],
});

export const outboxPublishErrors = new Counter({
  name: 'onewindow_outbox_publish_errors_total',
  help: 'Outbox publish attempts that failed (the row is retried with backoff)',
  registers: [metricsRegistry],
});

export const consumerMessages = new Counter({
  name: 'onewindow_consumer_messages_total',
  help: 'Event messages handled by a durable consumer, by outcome (applied | not_applicable | parked_behind | parked | dead | failed)',
  labelNames: ['consumer', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const consumerRedeliveries = new Counter({
  name: 'onewindow_consumer_redeliveries_total',
  help: 'Event messages JetStream delivered again (not acknowledged in time, or a nak)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

export const jobRuns = new Counter({
  name: 'onewindow_job_runs_total',
  help: 'Periodic job passes (deadline flags, overdue transfers, disposal) by outcome (done | failed | skipped)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'onewindow_job_duration_seconds',
  help: 'Duration of periodic job passes that ran here',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

export const jobLastSuccess = new Gauge({
  name: 'onewindow_job_last_success_timestamp_seconds',
  help: 'Unix time of the last successful pass of a periodic job in this process',
  labelNames: ['job'] as const,
  registers: [metricsRegistry],
});

/** A sampled state (database or JetStream) read when Prometheus scrapes. */
export interface ScrapeSource {
  outboxBacklog(): Promise<{ rows: number; oldestAgeSeconds: number }>;
  parkedCounts(): Promise<{ consumer: string; state: string; count: number }[]>;
  consumerStates(): Promise<{ consumer: string; pending: number; ackPending: number; redelivered: number }[]>;
}

const sources: ScrapeSource[] = [];

/** Register where the scrape-time gauges read from (the platform module does it once per service). */
export function addScrapeSource(source: ScrapeSource): void {
  sources.push(source);
}

const samples = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * One read per source and kind per scrape (several gauges share it; cached for a second). A scrape
 * never fails because the database or NATS is down: the gauge is absent.
 */
async function settled<T>(source: ScrapeSource, kind: keyof ScrapeSource, fn: () => Promise<T>): Promise<T | undefined> {
  const key = `${sources.indexOf(source)}:${kind}`;
  let hit = samples.get(key);
  if (!hit || Date.now() - hit.at > 1000) {
    hit = { at: Date.now(), value: fn() };
    samples.set(key, hit);
  }
  try {
    return (await hit.value) as T;
  } catch {
    return undefined;
  }
}

new Gauge({
  name: 'onewindow_outbox_backlog',
  help: 'Outbox rows not yet published',
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      const b = await settled(s, 'outboxBacklog', () => s.outboxBacklog());
      if (b) this.set(b.rows);
    }
  },
});

new Gauge({
  name: 'onewindow_outbox_oldest_age_seconds',
  help: 'Age of the oldest unpublished outbox row (0 when none)',
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      const b = await settled(s, 'outboxBacklog', () => s.outboxBacklog());
      if (b) this.set(b.oldestAgeSeconds);
    }
  },
});

new Gauge({
  name: 'onewindow_consumer_parked',
  help: 'Parked (PENDING) and dead-letter (DEAD) messages of a consumer (decision 0031)',
  labelNames: ['consumer', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      for (const r of (await settled(s, 'parkedCounts', () => s.parkedCounts())) ?? []) this.set({ consumer: r.consumer, state: r.state }, r.count);
    }
  },
});

new Gauge({
  name: 'onewindow_consumer_pending',
  help: 'Messages of the stream not yet delivered to the durable consumer (JetStream num_pending): consumer lag',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      for (const r of (await settled(s, 'consumerStates', () => s.consumerStates())) ?? []) this.set({ consumer: r.consumer }, r.pending);
    }
  },
});

new Gauge({
  name: 'onewindow_consumer_ack_pending',
  help: 'Messages delivered but not yet acknowledged (JetStream num_ack_pending)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      for (const r of (await settled(s, 'consumerStates', () => s.consumerStates())) ?? []) this.set({ consumer: r.consumer }, r.ackPending);
    }
  },
});

new Gauge({
  name: 'onewindow_consumer_redelivered',
  help: 'Messages JetStream is redelivering to the consumer now (num_redelivered)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const s of sources) {
      for (const r of (await settled(s, 'consumerStates', () => s.consumerStates())) ?? []) this.set({ consumer: r.consumer }, r.redelivered);
    }
  },
});

const MAX_OPERATION_NAMES = 300;
const seenOperations = new Set<string>();

/**
 * An operation name as a label: the client chooses it, so it is kept only when it looks like a
 * name (letters, digits, `_`, at most 100 characters, no run of 6 digits that could be an ID
 * number or a phone number) and while fewer than 300 distinct names were seen; otherwise `other`.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name) || /\d{6}/.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(name);
  return name;
}

/** The Prometheus text of every metric of this process. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
