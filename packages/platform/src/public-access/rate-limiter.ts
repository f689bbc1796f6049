import { Injectable } from '@nestjs/common';
import { CommonErrorCode } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../errors/domain.exception.js';
import { RateLimitHitEntity } from './public-access.entities.js';

export interface RateLimit {
  /** Bucket key, e.g. `progress:ip:1.2.3.4` or `booking:phone:<hash>`. */
  bucket: string;
  /** Most requests allowed in the window. */
  limit: number;
  windowSeconds: number;
  /** Chinese message of the RATE_LIMITED error when the limit is reached. */
  message: string;
}

/**
 * Sliding-window rate limits for public operations, counted in PostgreSQL so every replica counts
 * the same requests. The bucket is locked for the transaction (advisory lock on its hash): two
 * replicas cannot both let the last allowed request through. Run inside the operation's
 * transaction, so a refused request writes nothing.
 */
@Injectable()
export class RateLimiter {
  /** True and counted when under `limit` hits in the last `windowSeconds`; false (nothing written) otherwise. */
  async tryTake(manager: EntityManager, bucket: string, limit: number, windowSeconds: number): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`rate:${bucket}`]);
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM rate_limit_hit WHERE bucket = $1 AND at > now() - make_interval(secs => $2)`, [bucket, windowSeconds],
    )) as { n: number }[];
    if ((row?.n ?? 0) >= limit) return false;
    await manager.getRepository(RateLimitHitEntity).insert({ bucket });
    return true;
  }

  /** Counts the request or throws RATE_LIMITED with the limit's message. */
  async take(manager: EntityManager, limit: RateLimit): Promise<void> {
    if (!(await this.tryTake(manager, limit.bucket, limit.limit, limit.windowSeconds))) {
      throw new DomainException(CommonErrorCode.RATE_LIMITED, limit.message);
    }
  }

  /** Hits older than a day are no longer counted by any window. */
  async prune(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM rate_limit_hit WHERE at < now() - interval '1 day'`);
  }
}
