import { Injectable } from '@nestjs/common';
import { headers as natsHeaders, NoRespondersError, RequestError, TimeoutError } from '@nats-io/transport-node';
import type { Identity } from '@onewindow/contracts';
import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, IdentitySigner } from '../auth/identity-token.js';
import { DomainException, isRpcErrorBody } from '../errors/domain.exception.js';
import { NatsService } from './nats.service.js';

/**
 * Request/reply over NATS in the packet format Nest's NATS transport speaks
 * (`{ id, pattern, data }` → `{ id, response | err }`), carrying the caller's signed identity.
 * Errors come back as DomainException with the remote code; an absent or silent service becomes
 * SERVICE_UNAVAILABLE, never a hang.
 */
@Injectable()
export class RpcClient {
  constructor(private readonly nats: NatsService, private readonly signer: IdentitySigner) {}

  async request<T>(subject: string, data: unknown, identity: Identity, opts: { timeoutMs?: number; serviceLabel?: string } = {}): Promise<T> {
    const h = natsHeaders();
    h.set(IDENTITY_HEADER, await this.signer.sign(identity));
    const packet = JSON.stringify({ id: randomUUID(), pattern: subject, data });
    const label = opts.serviceLabel ?? subject.split('.')[1] ?? subject;
    let raw: string;
    try {
      const msg = await this.nats.connection.request(this.nats.subject(subject), packet, { timeout: opts.timeoutMs ?? 5000, headers: h });
      raw = msg.string();
    } catch (err) {
      if (err instanceof NoRespondersError || err instanceof TimeoutError || err instanceof RequestError) {
        throw DomainException.unavailable(`${label} 服务暂不可用，请稍后重试（未写入任何数据）`);
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
