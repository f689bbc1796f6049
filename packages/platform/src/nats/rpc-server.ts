import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import type { Msg } from '@nats-io/transport-node';
import { DEADLINE_HEADER, deadlineExceeded, parseDeadlineHeader, runWithDeadline, withinDeadline } from './call-deadline.js';

/**
 * Nest's NATS transport, with subjects namespaced by the deployment prefix. Handlers keep using
 * @MessagePattern(RpcSubjects.x) with the bare subject; guards, pipes and filters apply as usual.
 * Every handler joins a queue group named after the service so instances share the load.
 * Each request runs with its caller's deadline (decision 0033): not started once it has passed,
 * inner calls and commits bounded by it.
 */
export class PrefixedNatsServer extends ServerNats {
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

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
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
      return super.handleMessage(channel, natsMsg);
    });
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
