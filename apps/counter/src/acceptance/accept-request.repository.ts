import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AcceptRequestEntity } from './accept-request.entity.js';

/** Holds keys and result references only (no personal data), so no jurisdiction argument. */
@Injectable()
export class AcceptRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(AcceptRequestEntity);
  }

  async findByKey(idempotencyKey: string): Promise<AcceptRequestEntity | null> {
    return this.repo().findOne({ where: { idempotencyKey } });
  }

  /** Throws a unique violation when the key was stored concurrently. */
  async insert(row: Omit<AcceptRequestEntity, 'createdAt'>, manager: EntityManager): Promise<void> {
    await this.repo(manager).insert(row);
  }
}
