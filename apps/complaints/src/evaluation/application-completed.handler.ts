import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationSnapshot, EventSubjects, ServiceName, streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { COMPLETED_STATUSES } from './evaluation.rules.js';
import { EvaluationService } from './evaluation.service.js';

/** The police-type services whose completed applications are surveyed by SMS. */
const SURVEYED_SERVICES = [ServiceName.HOUSEHOLD, ServiceName.EXIT_ENTRY, ServiceName.TRAFFIC, ServiceName.PUBLIC_SECURITY] as const;

export const evaluationConsumerName = (service: string) => `complaints-evaluation-${service}`;

/**
 * JetStream consumers of `<service>.v1.application.changed` (durable, validated, idempotent through
 * the inbox): a completed application without an evaluation gets the callback SMS invitation.
 */
@Injectable()
export class ApplicationCompletedHandler implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly evaluations: EvaluationService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of SURVEYED_SERVICES) {
      await this.consumers.start({
        durable: evaluationConsumerName(service),
        stream: streamOf(service),
        filterSubject: EventSubjects.applicationChanged(service),
        messageClass: ApplicationSnapshot,
        orderingKey: (e) => e.number,
        // Only a completed application can be surveyed (onApplicationChanged does nothing for the
        // rest): every other change — most of them — is validated and acknowledged without a
        // transaction. One naming another service still reaches the handler, which logs it.
        applies: (e) => e.service !== service || COMPLETED_STATUSES.includes(e.status),
        handle: async (snapshot, manager, meta) => {
          if (snapshot.service !== service) {
            this.logger.error({ stream: service, service: snapshot.service, messageId: meta.messageId }, 'application event names another service; ignored');
            return;
          }
          await this.evaluations.onApplicationChanged(snapshot, manager);
        },
      });
    }
  }
}
