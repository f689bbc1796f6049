import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RateLimitHitEntity } from './channel.entities.js';

/**
 * Sliding-window counters in PostgreSQL, so every replica counts the same requests. The bucket is
 * locked for the transaction (advisory lock on its hash): two replicas cannot both let the last
 * allowed request through.
 */
@Injectable()
export class RateLimitRepository {
  /** True and counted when under `limit` hits in the last `windowSeconds`; false (nothing written) otherwise. */
  async take(manager: EntityManager, bucket: string, limit: number, windowSeconds: number): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`complaint-rate:${bucket}`]);
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM complaint_rate_limit_hit WHERE bucket = $1 AND at > now() - make_interval(secs => $2)`, [bucket, windowSeconds],
    )) as { n: number }[];
    if ((row?.n ?? 0) >= limit) return false;
    await manager.getRepository(RateLimitHitEntity).insert({ bucket });
    return true;
  }

  /** Hits older than a day are no longer counted by any window. */
  async prune(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM complaint_rate_limit_hit WHERE at < now() - interval '1 day'`);
  }
}
