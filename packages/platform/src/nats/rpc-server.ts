import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { context, trace, type Span } from '@opentelemetry/api';
import { isRpcErrorBody } from '../errors/domain.exception.js';
import { natsRequestDuration, natsRequestErrors } from '../observability/metrics.js';
import { extractTraceContext, SpanKind, SpanStatusCode, tracer, tracingEnabled } from '../observability/tracing.js';

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
 * Each request is measured (latency, errors per subject) and, with tracing on, served in a span
 * continuing the caller's trace from the message headers.
 */
export class PrefixedNatsServer extends ServerNats {
  private readonly served = new WeakMap<NatsMsg, Served>();

  constructor(options: NatsOptions['options'], private readonly prefix: string, private readonly queueGroup: string) {
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

  override handleMessage(channel: string, natsMsg: NatsMsg): Promise<unknown> {
    const served: Served = { subject: channel, started: process.hrtime.bigint(), done: false };
    this.served.set(natsMsg, served);
    if (!tracingEnabled()) return super.handleMessage(channel, natsMsg);
    const parent = extractTraceContext(natsMsg.headers);
    served.span = tracer.startSpan(`nats.serve ${channel}`, { kind: SpanKind.SERVER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': channel } }, parent);
    return context.with(trace.setSpan(parent, served.span), () => super.handleMessage(channel, natsMsg));
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
