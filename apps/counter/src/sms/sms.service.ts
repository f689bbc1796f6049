import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects, type ApplicationSnapshot, type Identity, type NotificationRequestedEvent, type SmsRequestedEvent } from '@onewindow/contracts';
import { jurisdictionOf, LOGGER, OutboxService, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CounterConfig } from '../config.js';
import type { SmsMessageEntity } from './sms-message.entity.js';
import { SmsRepository } from './sms.repository.js';
import { normalizeMobile, notificationSms, pickupSms, SMS_TEMPLATES, SmsTemplateError, validateSmsText, type SmsTemplateCode } from './sms-template.js';

/** Statuses that notify the citizen. */
const NOTIFYING_STATUSES = new Set(['READY_FOR_PICKUP']);

/** Queues SMS to citizens: the row and its `counter.v1.sms.requested` event commit with the caller's change. */
@Injectable()
export class SmsService {
  constructor(
    private readonly sms: SmsRepository,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * 证照领取提醒: when an application is ready for pickup, queue one SMS (at most one per
   * application and status, however often the snapshot is seen). Must run in the caller's
   * transaction. An application without a usable mobile number or whose text cannot fit the
   * template is logged and skipped, never retried.
   */
  async queueForSnapshot(snapshot: ApplicationSnapshot, manager: EntityManager): Promise<void> {
    if (!NOTIFYING_STATUSES.has(snapshot.status)) return;
    const phone = normalizeMobile(snapshot.applicantPhone) ?? normalizeMobile(snapshot.form?.['contactPhone']);
    if (!phone) {
      this.logger.warn({ application: snapshot.number }, 'no mobile number on the application; pickup SMS not queued');
      return;
    }
    let message: ReturnType<typeof pickupSms>;
    try {
      message = pickupSms({
        signature: this.config.SMS_SIGNATURE,
        resultName: snapshot.resultName || snapshot.itemName,
        unitName: snapshot.unitName,
        deliveryMethod: snapshot.deliveryMethod,
      });
    } catch (err) {
      if (!(err instanceof SmsTemplateError)) throw err;
      this.logger.error({ application: snapshot.number, err: err.message }, 'pickup SMS does not fit its template; not queued');
      return;
    }
    const id = randomUUID();
    const inserted = await this.sms.insertOnce(
      { id, phone, text: message.text, template: message.template, applicationNumber: snapshot.number, triggerStatus: snapshot.status, unitCode: snapshot.unitCode },
      manager,
    );
    if (!inserted) return;
    const event: SmsRequestedEvent = { smsId: id, phone, text: message.text, template: message.template, applicationNumber: snapshot.number };
    await this.outbox.enqueue(manager, EventSubjects.smsRequested, event);
  }

  /**
   * A notification another service asked for (e.g. 失物招领 match). One SMS per notification id,
   * queued in the consumer's transaction; unknown templates are logged and dropped, never retried.
   */
  async queueNotification(event: NotificationRequestedEvent, manager: EntityManager): Promise<void> {
    let message: ReturnType<typeof notificationSms>;
    try {
      message = notificationSms(this.config.SMS_SIGNATURE, event.template, event.params ?? {});
    } catch (err) {
      if (!(err instanceof SmsTemplateError)) throw err;
      this.logger.error({ notification: event.notificationId, err: err.message }, 'notification does not fit a registered template; not queued');
      return;
    }
    const id = randomUUID();
    const reference = event.reference ?? event.notificationId;
    const inserted = await this.sms.insertOnce(
      { id, phone: event.phone, text: message.text, template: message.template, applicationNumber: reference, triggerStatus: `NOTIFY:${event.notificationId}`, unitCode: event.unitCode ?? '' },
      manager,
    );
    if (!inserted) return;
    const sms: SmsRequestedEvent = { smsId: id, phone: event.phone, text: message.text, template: message.template, applicationNumber: reference };
    await this.outbox.enqueue(manager, EventSubjects.smsRequested, sms);
  }

  async listForApplication(actor: Identity, applicationNumber: string): Promise<SmsMessageEntity[]> {
    return this.sms.findByApplication(applicationNumber.trim().toUpperCase(), jurisdictionOf(actor));
  }

  /**
   * One registered template to one phone (e.g. a verification code), queued with its
   * `counter.v1.sms.requested` event in the caller's transaction. `reference` and `trigger` key the
   * row (one message per pair). Returns false when that pair was already queued.
   */
  async queueTemplate(
    input: { phone: string; template: SmsTemplateCode; params: Record<string, string>; reference: string; trigger: string; unitCode: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const values: Record<string, string> = { ...input.params, signature: this.config.SMS_SIGNATURE };
    const text = SMS_TEMPLATES[input.template].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
    validateSmsText(text);
    const id = randomUUID();
    const inserted = await this.sms.insertOnce(
      { id, phone: input.phone, text, template: input.template, applicationNumber: input.reference, triggerStatus: input.trigger, unitCode: input.unitCode },
      manager,
    );
    if (!inserted) return false;
    const event: SmsRequestedEvent = { smsId: id, phone: input.phone, text, template: input.template, applicationNumber: input.reference };
    await this.outbox.enqueue(manager, EventSubjects.smsRequested, event);
    return true;
  }
}
