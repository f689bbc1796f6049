import { Inject, Injectable } from '@nestjs/common';
import { maskPhone } from '@onewindow/id-number';
import { LOGGER, type Logger } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';

/** Injection token of the SmsProvider. */
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export interface SmsDelivery {
  /** Our sms_message id: providers that support it (OutId / 业务流水号) use it to drop duplicates. */
  id: string;
  phone: string;
  text: string;
  template: string;
}

/** A provider failure that retrying will not fix (e.g. an invalid or blocked number). */
export class SmsPermanentError extends Error {
  override readonly name = 'SmsPermanentError';
}

/** The gateway to the carrier. Throw to fail (SmsPermanentError: do not retry). */
export interface SmsProvider {
  send(sms: SmsDelivery): Promise<{ providerMessageId: string }>;
}

/**
 * Demo and test provider: sends nothing, logs the delivery with a masked phone and keeps it in
 * memory; the sender then records it on the sms_message row like any real delivery.
 */
@Injectable()
export class RecordingSmsProvider implements SmsProvider {
  readonly deliveries: (SmsDelivery & { providerMessageId: string })[] = [];

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  async send(sms: SmsDelivery): Promise<{ providerMessageId: string }> {
    const providerMessageId = `rec-${randomUUID()}`;
    this.deliveries.push({ ...sms, providerMessageId });
    this.logger.info({ smsId: sms.id, to: maskPhone(sms.phone), template: sms.template, text: sms.text, providerMessageId }, 'SMS delivered (recording provider)');
    return { providerMessageId };
  }
}
