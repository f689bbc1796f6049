import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects, type SmsDeliveredEvent, type SmsOutcome, type SmsRequestedEvent } from '@onewindow/contracts';
import { BusinessClock, LOGGER, OutboxService, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { policeTypeOfService, serviceOfNumber } from '../common/service-routing.js';
import type { CounterConfig } from '../config.js';
import type { SmsMessageEntity } from './sms-message.entity.js';
import { SMS_PROVIDER, SmsPermanentError, type SmsProvider } from './sms-provider.js';
import { SmsRepository } from './sms.repository.js';

/**
 * Delivers queued SMS through the SmsProvider. Runs inside the consumer's transaction: success
 * marks the row SENT; a transient failure records the attempt and throws so JetStream redelivers
 * (the consumer host retries in place, then later); a permanent failure, or the last allowed
 * attempt, marks it FAILED and stops.
 */
@Injectable()
export class SmsSenderService {
  constructor(
    private readonly sms: SmsRepository,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
  ) {}

  async deliver(event: SmsRequestedEvent, manager: EntityManager): Promise<void> {
    const row = await this.sms.findById(event.smsId, manager);
    if (!row) {
      this.logger.warn({ smsId: event.smsId }, 'SMS requested for an unknown row; dropped');
      return;
    }
    if (row.status !== 'QUEUED') return; // already sent or given up
    const attempts = row.attempts + 1;
    try {
      const { providerMessageId } = await this.provider.send({ id: row.id, phone: row.phone, text: row.text, template: row.template });
      await this.sms.markSent(row.id, attempts, providerMessageId, manager);
      await this.announce(row, 'SENT', manager);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SmsPermanentError || attempts >= this.config.SMS_MAX_ATTEMPTS) {
        this.logger.error({ smsId: row.id, attempts, err: message }, 'SMS failed for good');
        await this.sms.markFailed(row.id, attempts, message, manager);
        await this.announce(row, 'FAILED', manager);
        return;
      }
      this.logger.warn({ smsId: row.id, attempts, err: message }, 'SMS attempt failed; will retry');
      await this.sms.recordAttemptOutsideTransaction(row.id, attempts, message);
      throw err;
    }
  }

  /** `counter.v1.sms.delivered` with the final outcome, in the transaction that records it (no phone, no text). */
  private async announce(row: SmsMessageEntity, outcome: SmsOutcome, manager: EntityManager): Promise<void> {
    const service = row.applicationNumber ? serviceOfNumber(row.applicationNumber) : undefined;
    const event: SmsDeliveredEvent = {
      smsId: row.id,
      outcome,
      unitCode: /^\d{4,12}$/.test(row.unitCode ?? '') ? row.unitCode : null,
      policeType: (service && policeTypeOfService(service)) || null,
      template: row.template,
      deliveredOn: this.clock.today(),
      at: this.clock.now().toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.smsDelivered, event);
  }
}
