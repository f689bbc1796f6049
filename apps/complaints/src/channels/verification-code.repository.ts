import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VerificationCodeEntity } from './channel.entities.js';

/** SMS codes of the online form; expiry is checked against the database clock. */
@Injectable()
export class VerificationCodeRepository {
  /** A new code replaces every unused one of the same number. */
  async issue(manager: EntityManager, phone: string, codeHash: string, ttlSeconds: number): Promise<void> {
    await manager.query(`UPDATE complaint_verification_code SET used_at = now() WHERE phone = $1 AND used_at IS NULL`, [phone]);
    await manager.query(
      `INSERT INTO complaint_verification_code (phone, code_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [phone, codeHash, ttlSeconds],
    );
  }

  /** The number's live code (unused, unexpired), locked. */
  async findLive(manager: EntityManager, phone: string): Promise<VerificationCodeEntity | null> {
    return manager.getRepository(VerificationCodeEntity).createQueryBuilder('v')
      .where('v.phone = :phone AND v.used_at IS NULL AND v.expires_at > now()', { phone })
      .orderBy('v.created_at', 'DESC').limit(1).setLock('pessimistic_write').getOne();
  }

  async countAttempt(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE complaint_verification_code SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE complaint_verification_code SET used_at = now() WHERE id = $1`, [id]);
  }
}
