import { Inject, Injectable } from '@nestjs/common';
import { BUREAU_PUSH_CONTENT_TYPE, BUREAU_PUSH_HEADERS, type ReportClosedEvent } from '@onewindow/contracts';
import { LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { CounterConfig } from '../config.js';
import { canonicalJson, signReport } from './bureau-signature.js';
import { districtSigning, type DistrictSigning } from './bureau.config.js';
import { ReportCloseRepository } from './bureau.repository.js';

/** The bureau answered with a refusal that retrying cannot fix (bad signature, unknown district, version conflict, invalid). */
const isPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * Delivers a closed month version to the city bureau: canonical JSON body, Ed25519 signature over
 * district, key id, timestamp and body hash (decision 0017). Runs inside the consumer's transaction:
 * the bureau's 200 marks it DELIVERED; a permanent refusal marks it REFUSED (shown, not retried);
 * anything else records the attempt and throws so JetStream redelivers until the bureau answers.
 */
@Injectable()
export class ReportPushService {
  private readonly signing: DistrictSigning | null;

  constructor(
    private readonly closes: ReportCloseRepository,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.signing = districtSigning(config);
  }

  get enabled(): boolean {
    return Boolean(this.config.BUREAU_URL && this.signing);
  }

  async deliver(event: ReportClosedEvent, manager: EntityManager): Promise<void> {
    const row = await this.closes.findById(event.reportId, manager);
    if (!row || row.pushStatus !== 'PENDING') return;
    const signing = this.signing;
    if (!signing || !this.config.BUREAU_URL) throw new Error('push to the bureau is not configured');
    const attempts = row.pushAttempts + 1;
    const body = canonicalJson(row.report);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = `${this.config.BUREAU_URL.replace(/\/+$/, '')}/bureau/reports`;
    let status: number;
    let answer: { code?: string; message?: string; receivedAt?: string };
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': BUREAU_PUSH_CONTENT_TYPE,
          [BUREAU_PUSH_HEADERS.district]: signing.districtCode,
          [BUREAU_PUSH_HEADERS.keyId]: signing.keyId,
          [BUREAU_PUSH_HEADERS.timestamp]: timestamp,
          [BUREAU_PUSH_HEADERS.signature]: signReport(signing.privateKey, signing.districtCode, signing.keyId, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.config.BUREAU_PUSH_TIMEOUT_MS),
      });
      status = res.status;
      answer = (await res.json().catch(() => ({}))) as typeof answer;
    } catch (err) {
      const message = `报送失败（网络）：${err instanceof Error ? err.message : String(err)}`;
      this.logger.warn({ reportId: row.id, attempts, err: message }, 'report push failed; will retry');
      await this.closes.recordAttemptOutsideTransaction(row.id, attempts, message);
      throw err;
    }
    if (status === 200) {
      await this.closes.markPushed(manager, row.id, 'DELIVERED', attempts, null, answer.receivedAt ? new Date(answer.receivedAt) : new Date());
      this.logger.info({ reportId: row.id, district: row.districtCode, month: row.month, version: row.version }, 'report delivered to the bureau');
      return;
    }
    const reason = `市局答复 ${status}${answer.code ? ` ${answer.code}` : ''}${answer.message ? `：${answer.message}` : ''}`;
    if (isPermanent(status)) {
      this.logger.error({ reportId: row.id, status, code: answer.code }, 'report push refused by the bureau; not retried');
      await this.closes.markPushed(manager, row.id, 'REFUSED', attempts, reason, null);
      return;
    }
    this.logger.warn({ reportId: row.id, attempts, status }, 'report push not accepted yet; will retry');
    await this.closes.recordAttemptOutsideTransaction(row.id, attempts, reason);
    throw new Error(reason);
  }
}
