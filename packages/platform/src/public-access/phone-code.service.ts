import { CommonErrorCode } from '@onewindow/contracts';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../errors/domain.exception.js';
import { PhoneCodeEntity } from './public-access.entities.js';

export interface IssuePhoneCode {
  /** What the code confirms, e.g. `APPOINTMENT_BOOKING`, `PROGRESS_QUERY`; a code is good for its purpose only. */
  purpose: string;
  /** Normalised 11-digit mainland mobile. */
  phone: string;
  ttlSeconds: number;
}

export interface ConsumePhoneCode {
  purpose: string;
  phone: string;
  code: string;
  maxAttempts: number;
}

/**
 * One-time SMS codes for public, no-login operations (platform kit). `issue` runs in the caller's
 * transaction and returns the plain code for the caller to text (its SMS row and event commit with
 * it); only HMACs are stored. `consume` checks a code inside the caller's transaction: on success the
 * code is spent with the caller's change; a wrong code counts a try in a transaction of its own (so
 * guessing is limited even though the caller's work rolls back) and throws VERIFICATION_CODE_INVALID.
 * Issuing a new code retires the previous ones for that number and purpose.
 */
export class PhoneCodeService {
  /** Built by the platform module with the service's data source and internal secret. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: string,
  ) {}

  async issue(manager: EntityManager, input: IssuePhoneCode): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const phoneHash = this.phoneHash(input.phone);
    await manager.query(`UPDATE phone_code SET used_at = now() WHERE purpose = $1 AND phone_hash = $2 AND used_at IS NULL`, [input.purpose, phoneHash]);
    await manager.getRepository(PhoneCodeEntity).insert({
      purpose: input.purpose, phoneHash, codeHash: this.codeHash(input.purpose, input.phone, code), expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
    });
    await manager.query(`DELETE FROM phone_code WHERE created_at < now() - interval '1 day'`);
    return code;
  }

  async consume(manager: EntityManager, input: ConsumePhoneCode): Promise<void> {
    const [live] = (await manager.query(
      `SELECT id, code_hash FROM phone_code WHERE purpose = $1 AND phone_hash = $2 AND used_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 1`,
      [input.purpose, this.phoneHash(input.phone)],
    )) as { id: string; code_hash: string }[];
    if (!live) throw this.invalid('短信验证码已失效，请重新获取验证码');
    // Every try counts, in its own transaction (committed even when the caller's work rolls back);
    // the row is not locked by the caller, so this cannot wait on it.
    if ((await this.changed(this.dataSource, `UPDATE phone_code SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 RETURNING id`, [live.id, input.maxAttempts])) === 0) {
      throw this.invalid('验证码尝试次数过多，请重新获取验证码');
    }
    const given = Buffer.from(this.codeHash(input.purpose, input.phone, input.code.trim()));
    if (!timingSafeEqual(given, Buffer.from(live.code_hash))) throw this.invalid('短信验证码不正确，请核对后重新输入');
    // Spent with the caller's change; of two requests racing with the same code only one gets it.
    if ((await this.changed(manager, `UPDATE phone_code SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`, [live.id])) === 0) {
      throw this.invalid('短信验证码已使用，请重新获取验证码');
    }
  }

  private async changed(runner: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<number> {
    const [row] = (await runner.query(`WITH changed AS (${sql}) SELECT count(*)::int AS n FROM changed`, params)) as { n: number }[];
    return row?.n ?? 0;
  }

  private invalid(message: string): DomainException {
    return new DomainException(CommonErrorCode.VERIFICATION_CODE_INVALID, message);
  }

  /** Keyed hash of a mobile number, for rate-limit buckets and lookups that must not store the number. */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.secret).update(`phone:${phone}`).digest('hex');
  }

  private codeHash(purpose: string, phone: string, code: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${phone}:${code}`).digest('hex');
  }
}
