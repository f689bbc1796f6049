import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { context, trace, type Span } from '@opentelemetry/api';
import { isRpcErrorBody } from '../errors/domain.exception.js';
import { natsRequestDuration, natsRequestErrors } from '../observability/metrics.js';
import { extractTraceContext, SpanKind, SpanStatusCode, tracer, tracingEnabled } from '../observability/tracing.js';
import { DEADLINE_HEADER, deadlineExceeded, parseDeadlineHeader, runWithDeadline, withinDeadline } from './call-deadline.js';

type NatsMsg = Parameters<ServerNats['handleMessage']>[1];

/** One request being served: its subject, start time and span, ended with the reply. */
interface Served {
  subject: string;
  started: bigint;
  span?: Span;
  done: boolean;
}

/**
 * Nest's NATS transport, with subjects namespaced by the deployment prefix. Handlers keep using
 * @MessagePattern(RpcSubjects.x) with the bare subject; guards, pipes and filters apply as usual.
 * Every handler joins a queue group named after the service so instances share the load.
 * Each request runs with its caller's deadline (decision 0033): not started once it has passed,
 * inner calls and commits bounded by it. Each request is measured (latency, errors per subject)
 * and, with tracing on, served in a span continuing the caller's trace from the message headers.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly served = new WeakMap<NatsMsg, Served>();

  constructor(
    options: NatsOptions['options'],
    private readonly prefix: string,
    private readonly queueGroup: string,
    /** APP_MODE=test only (TEST_RPC_DELAYS): subjects whose handling starts this many ms late, as under load. */
    private readonly testDelays: ReadonlyMap<string, number> = new Map(),
  ) {
    super({ ...options, queue: queueGroup });
  }

  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    for (const channel of this.messageHandlers.keys()) {
      const subject = this.prefix ? `${this.prefix}.${channel}` : channel;
      const sub = client.subscribe(subject, { queue: this.queueGroup, callback: this.getMessageHandler(channel).bind(this) });
      // ServerNats keeps its subscriptions private; it unsubscribes them on graceful close only.
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(sub);
    }
  }

  override async handleMessage(channel: string, natsMsg: NatsMsg): Promise<unknown> {
    const served: Served = { subject: channel, started: process.hrtime.bigint(), done: false };
    this.served.set(natsMsg, served);
    const deadline = parseDeadlineHeader(natsMsg.headers?.get(DEADLINE_HEADER));
    return runWithDeadline(deadline, async () => {
      const delay = this.testDelays.get(channel);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      // The caller has stopped waiting: do nothing (the answer says so, should anyone still listen).
      if (!withinDeadline(deadline, Date.now())) {
        this.logger.warn(`${channel}: not started, the caller's deadline has passed`);
        if (natsMsg.reply) {
          let id: string | undefined;
          try {
            id = (JSON.parse(natsMsg.string()) as { id?: string }).id;
          } catch {
            // not one of our packets: answer without an id
          }
          natsMsg.respond(JSON.stringify({ id, err: deadlineExceeded().toRpc(), isDisposed: true }));
        }
        return undefined;
      }
      if (!tracingEnabled()) return super.handleMessage(channel, natsMsg);
      const parent = extractTraceContext(natsMsg.headers);
      served.span = tracer.startSpan(`nats.serve ${channel}`, { kind: SpanKind.SERVER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': channel } }, parent);
      return context.with(trace.setSpan(parent, served.span), () => super.handleMessage(channel, natsMsg));
    });
  }

  override getPublisher(natsMsg: NatsMsg, id: string, ctx: NatsContext): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg, id, ctx);
    const served = this.served.get(natsMsg);
    if (!served) return publish;
    return (response: unknown) => {
      const packet = response as { err?: unknown; isDisposed?: boolean };
      if (!served.done && (packet.isDisposed || packet.err !== undefined)) {
        served.done = true;
        const code = packet.err === undefined || packet.err === null ? undefined : isRpcErrorBody(packet.err) ? packet.err.code : 'INTERNAL';
        natsRequestDuration.observe({ subject: served.subject, side: 'server', outcome: code ? 'error' : 'ok' }, Number(process.hrtime.bigint() - served.started) / 1e9);
        if (code) natsRequestErrors.inc({ subject: served.subject, side: 'server', code });
        if (code) served.span?.setStatus({ code: SpanStatusCode.ERROR, message: code });
        served.span?.end();
      }
      return publish(response);
    };
  }
}

/** TEST_RPC_DELAYS (`rpc.household.v1.person.lookup=6000,…`) as a map; only read in APP_MODE=test. */
export function parseTestRpcDelays(value: string | undefined): Map<string, number> {
  const delays = new Map<string, number>();
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [subject, ms] = part.split('=');
    if (subject && ms && /^\d+$/.test(ms)) delays.set(subject, Number(ms));
  }
  return delays;
}
