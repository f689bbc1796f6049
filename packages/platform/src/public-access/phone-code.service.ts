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
    const repo = manager.getRepository(PhoneCodeEntity);
    const live = await repo
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.purpose = :purpose AND c.phone_hash = :phoneHash AND c.used_at IS NULL AND c.expires_at > now()', { purpose: input.purpose, phoneHash: this.phoneHash(input.phone) })
      .orderBy('c.created_at', 'DESC')
      .getOne();
    if (!live || live.attempts >= input.maxAttempts) {
      throw new DomainException(CommonErrorCode.VERIFICATION_CODE_INVALID, '短信验证码已失效或尝试次数过多，请重新获取验证码');
    }
    const given = Buffer.from(this.codeHash(input.purpose, input.phone, input.code.trim()));
    if (!timingSafeEqual(given, Buffer.from(live.codeHash))) {
      await this.dataSource.query(`UPDATE phone_code SET attempts = attempts + 1 WHERE id = $1`, [live.id]);
      throw new DomainException(CommonErrorCode.VERIFICATION_CODE_INVALID, '短信验证码不正确，请核对后重新输入');
    }
    await repo.update({ id: live.id }, { usedAt: new Date() });
  }

  /** Keyed hash of a mobile number, for rate-limit buckets and lookups that must not store the number. */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.secret).update(`phone:${phone}`).digest('hex');
  }

  private codeHash(purpose: string, phone: string, code: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${phone}:${code}`).digest('hex');
  }
}
