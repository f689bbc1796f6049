import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ComplaintChangedEvent, EventSubjects, ServiceName, streamOf } from '@onewindow/contracts';
import { EventConsumerHost } from '@onewindow/platform';
import { EvaluationService } from './evaluation.service.js';

export const COMPLAINT_ANSWERED_CONSUMER = 'complaints-answer-rating';

/**
 * 答复评价: a durable consumer of the service's own `complaints.v1.complaint.changed` (validated,
 * idempotent through the inbox). An answer invites the complainant to rate it by SMS, once per
 * complaint, in the consumer's transaction.
 */
@Injectable()
export class ComplaintAnsweredHandler implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumerHost, private readonly evaluations: EvaluationService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      durable: COMPLAINT_ANSWERED_CONSUMER,
      stream: streamOf(ServiceName.COMPLAINTS),
      filterSubject: EventSubjects.complaintChanged,
      messageClass: ComplaintChangedEvent,
      orderingKey: (e) => e.number,
      handle: async (event, manager) => {
        if (event.action === 'ANSWER') await this.evaluations.onComplaintAnswered(event.number, manager);
      },
    });
  }
}
