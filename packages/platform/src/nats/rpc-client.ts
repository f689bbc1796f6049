import { Injectable } from '@nestjs/common';
import { headers as natsHeaders, NoRespondersError, RequestError, TimeoutError } from '@nats-io/transport-node';
import type { Identity } from '@onewindow/contracts';
import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, IdentitySigner } from '../auth/identity-token.js';
import { DomainException, isRpcErrorBody } from '../errors/domain.exception.js';
import { currentDeadline, DEADLINE_HEADER, innerCallBudget } from './call-deadline.js';
import { natsRequestDuration, natsRequestErrors } from '../observability/metrics.js';
import { errorCodeOf, inSpan, injectTraceContext, SpanKind } from '../observability/tracing.js';
import { NatsService } from './nats.service.js';

/** The service an RPC subject (`rpc.<service>.v1.<aggregate>.<verb>`) is served by. */
export function rpcTargetOf(subject: string): string {
  const [kind, service] = subject.split('.');
  if (kind !== 'rpc' || !service) throw new Error(`not an RPC subject: ${subject}`);
  return service;
}

/**
 * Request/reply over NATS in the packet format Nest's NATS transport speaks
 * (`{ id, pattern, data }` → `{ id, response | err }`), carrying the caller's signed identity.
 * Errors come back as DomainException with the remote code; an absent or silent service becomes
 * SERVICE_UNAVAILABLE, never a hang.
 */
@Injectable()
export class RpcClient {
  constructor(private readonly nats: NatsService, private readonly signer: IdentitySigner, private readonly defaultTimeoutMs = 5000) {}

  async request<T>(subject: string, data: unknown, identity: Identity, opts: { timeoutMs?: number; serviceLabel?: string } = {}): Promise<T> {
    // Latency and errors per subject (never per id), and a client span whose context travels in the headers.
    const started = process.hrtime.bigint();
    const observe = (code?: string) => {
      natsRequestDuration.observe({ subject, side: 'client', outcome: code ? 'error' : 'ok' }, Number(process.hrtime.bigint() - started) / 1e9);
      if (code) natsRequestErrors.inc({ subject, side: 'client', code });
    };
    return inSpan(`nats.request ${subject}`, SpanKind.CLIENT, { 'messaging.system': 'nats', 'messaging.destination.name': subject }, undefined, async () => {
      try {
        const reply = await this.send<T>(subject, data, identity, opts);
        observe();
        return reply;
      } catch (err) {
        observe(errorCodeOf(err));
        throw err;
      }
    });
  }

  private async send<T>(subject: string, data: unknown, identity: Identity, opts: { timeoutMs?: number; serviceLabel?: string }): Promise<T> {
    const label = opts.serviceLabel ?? subject.split('.')[1] ?? subject;
    // Inside a handler, wait no longer than our own caller does (decision 0033); too little left: don't call.
    const budget = innerCallBudget(opts.timeoutMs ?? this.defaultTimeoutMs, currentDeadline(), Date.now());
    if (!budget.call) throw DomainException.unavailable(`${label} 服务未调用：剩余处理时间不足，请稍后重试（未写入任何数据）`, 'NOT_DONE');
    const h = natsHeaders();
    injectTraceContext(h);
    // Bound to this call (decision 0026): only the service named in the subject accepts it, once.
    h.set(IDENTITY_HEADER, await this.signer.sign(identity, { audience: rpcTargetOf(subject) }));
    h.set(DEADLINE_HEADER, String(budget.deadline));
    const packet = JSON.stringify({ id: randomUUID(), pattern: subject, data });
    let raw: string;
    try {
      const msg = await this.nats.connection.request(this.nats.subject(subject), packet, { timeout: budget.timeoutMs, headers: h });
      raw = msg.string();
    } catch (err) {
      // Nobody listening: nothing was done. A timeout is different — the service may have
      // committed after we stopped waiting, so the caller is told to look before repeating
      // (commands are idempotent where a repeat could double anything, e.g. acceptance keys).
      if (err instanceof NoRespondersError) throw DomainException.unavailable(`${label} 服务暂不可用，请稍后重试（未写入任何数据）`, 'NOT_DONE');
      if (err instanceof TimeoutError || err instanceof RequestError) {
        throw DomainException.unavailable(`${label} 服务暂不可用（响应超时），请刷新查看办理结果后再重试`, 'UNKNOWN');
      }
      throw err;
    }
    const reply = JSON.parse(raw) as { response?: T; err?: unknown };
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcErrorBody(reply.err)) throw DomainException.fromRpc(reply.err);
      throw new DomainException('INTERNAL', `${label} 服务处理失败`, { remote: String(reply.err) });
    }
    return reply.response as T;
  }
}
