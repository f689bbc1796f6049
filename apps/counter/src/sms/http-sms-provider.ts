import { maskPhone } from '@onewindow/id-number';
import type { Logger } from '@onewindow/platform';
import { SmsPermanentError, type SmsDelivery, type SmsProvider } from './sms-provider.js';

export interface HttpSmsProviderOptions {
  /** The platform's send endpoint (the city's 政务短信平台 or a carrier gateway). */
  url: string;
  /** Sent as `Authorization: Bearer …`. */
  apiKey: string;
  /** 签名 the platform prefixes, if it wants it separately from the text. */
  signature: string;
  timeoutMs: number;
}

/**
 * SMS through an HTTP platform (政务短信平台): one JSON POST per message, our sms_message id as the
 * platform's out-id (业务流水号) so a retried send is recognised as the same message.
 *
 * Contract (documented in docs/runbook.md): 2xx with `{ "messageId": "…" }` → delivered to the
 * platform; 4xx other than 408/429 → permanent (bad number, blocked, template refused: not
 * retried); 408, 429, 5xx, timeouts and network errors → retried by the sender with back-off.
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(private readonly options: HttpSmsProviderOptions, private readonly logger: Logger) {}

  async send(sms: SmsDelivery): Promise<{ providerMessageId: string }> {
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
        body: JSON.stringify({ outId: sms.id, phone: sms.phone, signature: this.options.signature, template: sms.template, text: sms.text }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new Error(`SMS platform unreachable: ${(err as Error).message}`, { cause: err });
    }
    const body = (await res.json().catch(() => ({}))) as { messageId?: unknown; message?: unknown };
    if (res.ok && typeof body.messageId === 'string' && body.messageId) {
      this.logger.info({ smsId: sms.id, to: maskPhone(sms.phone), template: sms.template, providerMessageId: body.messageId }, 'SMS accepted by the platform');
      return { providerMessageId: body.messageId };
    }
    const why = `SMS platform answered ${res.status}${typeof body.message === 'string' ? `: ${body.message}` : ''}`;
    if (res.ok) throw new Error(`${why} without a messageId`);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new SmsPermanentError(why);
    throw new Error(why);
  }
}
