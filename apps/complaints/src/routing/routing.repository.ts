import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RoutingRuleEntity, RoutingVersionEntity } from './routing.entities.js';

/** The routing rule versions; nothing personal in them, so no jurisdiction argument. */
@Injectable()
export class RoutingRepository {
  async latestVersion(manager: EntityManager, opts: { lock?: boolean } = {}): Promise<RoutingVersionEntity | null> {
    const qb = manager.getRepository(RoutingVersionEntity).createQueryBuilder('v').orderBy('v.version', 'DESC').limit(1);
    if (opts.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async version(manager: EntityManager, version: number): Promise<RoutingVersionEntity | null> {
    return manager.getRepository(RoutingVersionEntity).findOne({ where: { version } });
  }

  async versions(manager: EntityManager): Promise<RoutingVersionEntity[]> {
    return manager.getRepository(RoutingVersionEntity).find({ order: { version: 'DESC' } });
  }

  async rules(manager: EntityManager, version: number): Promise<RoutingRuleEntity[]> {
    return manager.getRepository(RoutingRuleEntity).find({ where: { version }, order: { position: 'ASC' } });
  }

  async insertVersion(manager: EntityManager, v: Omit<RoutingVersionEntity, 'createdAt'>, rules: RoutingRuleEntity[]): Promise<void> {
    await manager.getRepository(RoutingVersionEntity).insert(v);
    await manager.getRepository(RoutingRuleEntity).insert(rules);
  }
}
