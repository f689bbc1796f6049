import { ServerNats, type NatsOptions } from '@nestjs/microservices';

/**
 * Nest's NATS transport, with subjects namespaced by the deployment prefix. Handlers keep using
 * @MessagePattern(RpcSubjects.x) with the bare subject; guards, pipes and filters apply as usual.
 * Every handler joins a queue group named after the service so instances share the load.
 */
export class PrefixedNatsServer extends ServerNats {
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
}
