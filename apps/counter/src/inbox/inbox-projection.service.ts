import { Injectable } from '@nestjs/common';
import { ApplicationSnapshot } from '@onewindow/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { SmsService } from '../sms/sms.service.js';
import { InboxErrorCode, InboxException } from './inbox.exception.js';
import { InboxRepository } from './inbox.repository.js';

/**
 * Writes snapshots into the inbox projection — from events, and from the replies the counter
 * receives itself so the clerk sees a change at once — and triggers the pickup SMS (never on a read). An older
 * version never overwrites a newer one; the SMS is at most one per application and status, so it
 * does not matter which path sees a snapshot first or how often.
 */
@Injectable()
export class InboxProjectionService {
  constructor(private readonly inbox: InboxRepository, private readonly sms: SmsService) {}

  /** Checks a snapshot received in an RPC reply against the contract (events are checked by the consumer host). */
  static validSnapshot(raw: unknown): ApplicationSnapshot {
    const snapshot = plainToInstance(ApplicationSnapshot, raw as object);
    const errors = raw && typeof raw === 'object' ? validateSync(snapshot, { forbidUnknownValues: true }) : [];
    if (!raw || typeof raw !== 'object' || errors.length) {
      throw new InboxException(InboxErrorCode.INVALID_SNAPSHOT, '业务服务返回的申请数据不完整', { problems: errors.map((e) => e.property) });
    }
    return snapshot;
  }

  /**
   * A change the counter learnt of (an event, or the reply to a command it sent): projected, and
   * the pickup SMS queued when it is due. Returns true when the snapshot is now the projected
   * state (false: a newer one is stored).
   */
  async apply(snapshot: ApplicationSnapshot, manager: EntityManager): Promise<boolean> {
    const applied = await this.project(snapshot, manager);
    if (applied) await this.sms.queueForSnapshot(snapshot, manager);
    return applied;
  }

  /**
   * Projection only, never an SMS: for snapshots fetched to answer a read. The change's own event
   * still arrives and goes through `apply` (an equal version is re-applied), so the pickup SMS is
   * queued by the event path, not by whoever happened to look first.
   */
  async project(snapshot: ApplicationSnapshot, manager: EntityManager): Promise<boolean> {
    return this.inbox.upsertUnlessOlder(
      {
        number: snapshot.number,
        policeType: snapshot.policeType,
        service: snapshot.service,
        itemCode: snapshot.itemCode,
        itemName: snapshot.itemName,
        applicantIdNumber: snapshot.applicantIdNumber.toUpperCase(),
        applicantName: snapshot.applicantName,
        status: snapshot.status,
        unitCode: snapshot.unitCode,
        deadline: snapshot.deadline,
        deadlineState: snapshot.deadlineState,
        version: snapshot.version,
        snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>,
        updatedAt: new Date(snapshot.updatedAt),
      },
      manager,
    );
  }
}
