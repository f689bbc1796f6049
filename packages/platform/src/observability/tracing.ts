import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing, off unless an OTLP endpoint is configured. Off, the API's no-op tracer
 * and propagator remain: no SDK is loaded into the request path, spans cost a function call.
 * The SDK and exporter are imported only when tracing is turned on (≈13 MiB per process otherwise).
 * Spans are made by hand at our own seams (HTTP entry, NATS request/reply, outbox publish, event
 * consumer) rather than by auto-instrumentation (ESM, 2 cores). Span names and attributes carry
 * subjects and operation names only, never personal data.
 */
export const tracer = trace.getTracer('onewindow');

export interface TracingSettings {
  /** Base URL of the OTLP/HTTP collector, e.g. http://otel-collector:4318 (`/v1/traces` is appended). */
  endpoint?: string;
  service: string;
  version?: string;
}

let provider: NodeTracerProvider | undefined;

/** The OTLP endpoint from the environment: ONEWINDOW_OTLP_ENDPOINT, else the standard OTEL variables. */
export function otlpEndpointFrom(env: Record<string, string | undefined>): string | undefined {
  const traces = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim();
  if (traces) return traces;
  const base = (env['ONEWINDOW_OTLP_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'])?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/** Start the SDK once per process when an endpoint is set; returns whether tracing is on. */
export async function startTracing(settings: TracingSettings): Promise<boolean> {
  if (provider || !settings.endpoint) return !!provider;
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, NodeTracerProvider }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-http'), import('@opentelemetry/resources'), import('@opentelemetry/sdk-trace-node'),
  ]);
  if (provider) return true;
  const exporter = new OTLPTraceExporter({ url: settings.endpoint }) as unknown as SpanExporter;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.service, ...(settings.version ? { 'service.version': settings.version } : {}) }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // AsyncLocalStorage context + W3C traceparent propagator.
  provider.register();
  return true;
}

/** Flush and stop (on shutdown), so the last spans reach the collector. */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = undefined;
  await p?.shutdown().catch(() => undefined);
}

export function tracingEnabled(): boolean {
  return !!provider;
}

type HeaderCarrier = { set(k: string, v: string): void };

/** W3C trace context of the active span into NATS (or any) headers. */
export function injectTraceContext(headers: HeaderCarrier, ctx: Context = context.active()): void {
  if (!provider) return;
  propagation.inject(ctx, headers, { set: (c, k, v) => c.set(k, v) });
}

/** The context a message's headers carry (NATS `MsgHdrs`, an HTTP header record, or an outbox row's traceparent). */
export function extractTraceContext(headers: { get(k: string): string | undefined | null } | undefined): Context {
  if (!provider || !headers) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, headers, {
    get: (c, k) => c.get(k) ?? undefined,
    keys: () => ['traceparent', 'tracestate'],
  });
}

/** The active trace as a `traceparent` value (stored with an outbox row), or null when none. */
export function currentTraceparent(): string | null {
  if (!provider) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/** Run `fn` in a new span (child of `parent`), ending it with the outcome; errors are recorded and rethrown. */
export async function inSpan<T>(name: string, kind: SpanKind, attributes: Record<string, string | number | boolean>, parent: Context | undefined, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!provider) return fn(trace.wrapSpanContext({ traceId: '', spanId: '', traceFlags: 0 }));
  const ctx = parent ?? context.active();
  const span = tracer.startSpan(name, { kind, attributes }, ctx);
  try {
    return await context.with(trace.setSpan(ctx, span), () => fn(span));
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorCodeOf(err) });
    throw err;
  } finally {
    span.end();
  }
}

/** A short, personal-data-free description of an error for a span status: its code or class. */
export function errorCodeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  return err instanceof Error ? err.name : 'ERROR';
}

export { SpanKind, SpanStatusCode };
