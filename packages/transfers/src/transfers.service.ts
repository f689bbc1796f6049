import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import {
  Role, RpcSubjects, SYSTEM_USERNAME, TransferAcknowledgedEvent, TransferCompletedEvent, TransferFlaggedEvent, TransferRequestedEvent,
  TransferSubjects, withinJurisdiction, type AcknowledgeTransferCommand, type ApplicationSnapshot, type CompleteTransferCommand, type Identity,
  type RequestTransferCommand, type ServiceName, type TransferActor, type TransferAttachment, type TransferKind, type TransferSnapshot,
  type TransferStatus,
} from '@onewindow/contracts';
import { BusinessClock, DomainException, LOGGER, OutboxService, RpcClient, type Logger } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertMayRequest, assertMayWork, assertTransferTarget, isOverdue, outcomeApplies, planAcknowledge, planComplete, policeTypeLabel,
  planRevoke, policeTypeOfService, requestedDeadlineOf, TRANSFER_STATUS_LABELS,
} from './transfer-rules.js';
import { TransferEntity, type TransferDirection, type TransferTimelineEntry } from './transfer.entity.js';
import { TransferErrorCode, TransferException } from './transfer.exception.js';
import { TransferRepository } from './transfer.repository.js';
import { TRANSFER_WORKERS, type TransferOutcome, type TransferWorker, type TransferWorkResult } from './transfer-worker.js';
import { TRANSFERS_OPTIONS, type TransfersOptions } from './transfers.options.js';

/** What a caller inside another transaction gives to open a transfer (e.g. the death case). */
export interface OpenTransferInput {
  toService: ServiceName;
  kind: TransferKind;
  /** The sender's case (application number). */
  caseRef: string;
  subjectIdNumber?: string | null;
  reason: string;
  attachments?: TransferAttachment[];
  /** Requested deadline in working days from the business date. */
  requestedDeadlineDays: number;
  details?: Record<string, unknown>;
  /** Who opens it; the transfer belongs to their unit. */
  requestedBy: Identity;
}

/** A receiver's report as the sender's consumer got it, typed by its subject. */
export type ReceivedOutcome =
  | { type: 'acknowledged'; event: TransferAcknowledgedEvent }
  | { type: 'completed'; event: TransferCompletedEvent };

const FLAG_ACTOR = '系统（移交时限监控）';

/**
 * Cross-police-type transfers (跨警种移交), both sides: open/request on the sender, receive,
 * acknowledge (签收/退回) and complete (反馈) on the receiver, outcomes back on the sender, and the
 * overdue flag. Every state change commits together with its event in this service's outbox.
 */
@Injectable()
export class TransfersService {
  private readonly workers: ReadonlyMap<TransferKind, TransferWorker>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TRANSFERS_OPTIONS) private readonly options: TransfersOptions,
    private readonly transfers: TransferRepository,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(TRANSFER_WORKERS) workers: TransferWorker[] | null,
    /** The platform's working calendar (with the deployment's overrides). */
    readonly calendar: WorkingCalendar,
  ) {
    this.workers = new Map((workers ?? []).map((w) => [w.kind, w]));
  }

  get service(): ServiceName {
    return this.options.service;
  }

  /**
   * Revoke (撤销) a transfer this service sent, inside the caller's transaction (e.g. a death
   * cancellation refused after its follow-ups ran). A REVOCATION transfer goes to the same
   * receiver on the same stream, so it arrives after the original; the receiver undoes what its
   * worker did, or notes that the original is void if nobody worked it yet.
   */
  async revoke(manager: EntityManager, input: { original: TransferSnapshot; reason: string; requestedDeadlineDays: number; requestedBy: Identity }): Promise<TransferSnapshot> {
    const { original } = input;
    const outbound = await this.transfers.lock(manager, original.transferId, 'OUTBOUND');
    if (!outbound) throw new TransferException(TransferErrorCode.TRANSFER_NOT_FOUND, '未找到要撤销的移交', { transferId: original.transferId });
    const revocation = await this.open(manager, {
      toService: outbound.toService,
      kind: 'REVOCATION',
      caseRef: outbound.caseRef,
      subjectIdNumber: outbound.subjectIdNumber,
      reason: input.reason,
      requestedDeadlineDays: input.requestedDeadlineDays,
      details: { revokes: outbound.transferId, revokedKind: outbound.kind },
      requestedBy: input.requestedBy,
    });
    outbound.status = planRevoke(outbound.status);
    outbound.timeline = [...outbound.timeline, { at: this.clock.now().toISOString(), actorName: input.requestedBy.displayName, action: 'REVOKED', note: input.reason }];
    await this.transfers.save(manager, outbound);
    return revocation;
  }

  /**
   * Open an OUTBOUND transfer inside the caller's transaction (the request event commits with the
   * caller's own change, or not at all). The caller decides who may do it.
   */
  async open(manager: EntityManager, input: OpenTransferInput): Promise<TransferSnapshot> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('TransfersService.open must run inside a transaction');
    const from = this.options.service;
    assertTransferTarget(from, input.toService);
    if (!input.requestedBy.unitCode) throw DomainException.outOfJurisdiction('账号未配置辖区，不能发起移交');
    const today = this.clock.today();
    const now = this.clock.now().toISOString();
    const deadline = requestedDeadlineOf(this.calendar, today, input.requestedDeadlineDays);
    const requestedBy: TransferActor = { sub: input.requestedBy.sub, name: input.requestedBy.displayName, unitCode: input.requestedBy.unitCode };
    const event = plainToInstance(TransferRequestedEvent, {
      transferId: randomUUID(),
      fromService: from,
      toService: input.toService,
      kind: input.kind,
      caseRef: input.caseRef,
      ...(input.subjectIdNumber ? { subjectIdNumber: input.subjectIdNumber } : {}),
      reason: input.reason,
      attachments: input.attachments ?? [],
      requestedDeadlineDays: input.requestedDeadlineDays,
      requestedDeadline: deadline.date,
      requestedBy,
      requestedAt: now,
      ...(input.details ? { details: input.details } : {}),
    });
    // The receiver validates the event on receipt; refuse here what it would terminate there.
    const problems = validateSync(event, { forbidUnknownValues: true });
    if (problems.length) {
      throw DomainException.validation(`移交内容不完整：${problems.map((p) => p.property).join('、')}`, problems.map((p) => ({ field: p.property, problems: Object.values(p.constraints ?? {}) })));
    }
    const timeline: TransferTimelineEntry[] = [
      { at: now, actorName: requestedBy.name, action: 'REQUESTED', note: `移交${policeTypeLabel(input.toService)}：${input.reason}` },
    ];
    if (deadline.provisional) timeline.push({ at: now, actorName: FLAG_ACTOR, action: 'DEADLINE_PROVISIONAL', note: '期限跨入尚未公布放假安排的年份，为暂定期限' });
    const row = manager.getRepository(TransferEntity).create({
      ...this.rowOf(event, 'OUTBOUND'),
      timeline,
    });
    await this.transfers.insertIfAbsent(manager, row);
    await this.outbox.enqueue(manager, TransferSubjects.requested(from, input.toService), { ...event });
    return toTransferSnapshot(row);
  }

  /** An officer or clerk of this service transfers one of its cases (or a task in it). */
  async request(cmd: RequestTransferCommand, actor: Identity): Promise<TransferSnapshot> {
    assertTransferTarget(this.options.service, cmd.toService);
    assertMayRequest(actor, this.options.service);
    const application = this.options.verifyCases ? await this.findCase(cmd.caseRef, actor) : undefined;
    const snapshot = await this.dataSource.transaction((manager) =>
      this.open(manager, {
        toService: cmd.toService,
        kind: cmd.kind,
        caseRef: application?.number ?? cmd.caseRef,
        subjectIdNumber: application?.applicantIdNumber ?? null,
        reason: cmd.reason,
        attachments: cmd.attachments,
        requestedDeadlineDays: cmd.requestedDeadlineDays,
        requestedBy: actor,
      }),
    );
    this.outbox.notifyCommitted();
    return snapshot;
  }

  /** The receiver signs for (签收) or refuses (退回, with a reason) an inbound transfer. */
  async acknowledge(cmd: AcknowledgeTransferCommand, actor: Identity): Promise<TransferSnapshot> {
    assertMayWork(actor, this.options.service);
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockInbound(manager, cmd.transferId, actor);
      row.status = planAcknowledge(row.status, cmd.status, cmd.reason);
      const reason = cmd.reason?.trim() || null;
      if (row.status === 'REFUSED') row.refusalReason = reason;
      const at = this.clock.now().toISOString();
      row.timeline = [...row.timeline, { at, actorName: actor.displayName, action: row.status, note: reason }];
      await this.transfers.save(manager, row);
      await this.emitAcknowledged(manager, row, cmd.status, reason, actorOf(actor), at);
      return toTransferSnapshot(row);
    });
    this.outbox.notifyCommitted();
    return snapshot;
  }

  /** The receiver reports the result (反馈办理结果) of a transfer it signed for. */
  async complete(cmd: CompleteTransferCommand, actor: Identity): Promise<TransferSnapshot> {
    assertMayWork(actor, this.options.service);
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockInbound(manager, cmd.transferId, actor);
      row.status = planComplete(row.status);
      const at = this.clock.now().toISOString();
      row.result = cmd.result;
      row.timeline = [...row.timeline, { at, actorName: actor.displayName, action: 'COMPLETED', note: cmd.result }];
      await this.transfers.save(manager, row);
      await this.emitCompleted(manager, row, cmd.result, undefined, actorOf(actor), at);
      return toTransferSnapshot(row);
    });
    this.outbox.notifyCommitted();
    return snapshot;
  }

  /**
   * A transfer addressed to this service arrived (consumer transaction). Records the INBOUND row;
   * if a worker handles the kind, runs it in the same transaction (in a savepoint) and reports
   * acknowledged + completed. A worker's domain refusal leaves the transfer to an officer; any
   * other error rolls everything back so the event is redelivered.
   */
  async receive(event: TransferRequestedEvent, manager: EntityManager): Promise<void> {
    const me = this.options.service;
    if (event.toService !== me) {
      this.logger.error({ transferId: event.transferId, toService: event.toService }, 'transfer addressed to another service; ignored');
      return;
    }
    const row = manager.getRepository(TransferEntity).create({
      ...this.rowOf(event, 'INBOUND'),
      timeline: [{ at: event.requestedAt, actorName: event.requestedBy.name, action: 'REQUESTED', note: `${policeTypeLabel(event.fromService)}移交：${event.reason}` }],
    });
    if (!(await this.transfers.insertIfAbsent(manager, row))) return; // already recorded
    const worker = event.kind === 'REVOCATION' ? this.revocationWorker : this.workers.get(event.kind);
    if (!worker) return;
    const system = this.systemActor(row.unitCode);
    let work: TransferWorkResult;
    try {
      work = await manager.transaction((savepoint) => worker.work(event, savepoint, system));
    } catch (err) {
      if (!(err instanceof DomainException)) throw err;
      this.logger.warn({ transferId: event.transferId, code: err.code }, 'transfer worker declined; left to an officer');
      const locked = (await this.transfers.lock(manager, event.transferId, 'INBOUND'))!;
      locked.timeline = [...locked.timeline, { at: this.clock.now().toISOString(), actorName: system.displayName, action: 'AUTO_WORK_FAILED', note: `自动处理未完成，待人工办理：${err.message}` }];
      await this.transfers.save(manager, locked);
      return;
    }
    const locked = (await this.transfers.lock(manager, event.transferId, 'INBOUND'))!;
    const at = this.clock.now().toISOString();
    const by: TransferActor = { sub: system.sub, name: system.displayName, unitCode: system.unitCode };
    locked.status = 'COMPLETED';
    locked.result = work.result;
    locked.resultDetails = work.details ?? null;
    locked.timeline = [
      ...locked.timeline,
      { at, actorName: by.name, action: 'ACKNOWLEDGED', note: '自动签收' },
      { at, actorName: by.name, action: 'COMPLETED', note: work.result },
    ];
    await this.transfers.save(manager, locked);
    await this.emitAcknowledged(manager, locked, 'ACKNOWLEDGED', null, by, at);
    await this.emitCompleted(manager, locked, work.result, work.details, by, at);
  }

  /**
   * The receiver's acknowledgement or result arrived (consumer transaction): update the OUTBOUND
   * row and its timeline. Returns the outcome for the sender's listener, or null when nothing
   * changed (unknown transfer, or an outcome older than the row's state).
   */
  async recordOutcome(outcome: ReceivedOutcome, manager: EntityManager): Promise<TransferOutcome | null> {
    const { event } = outcome;
    if (event.fromService !== this.options.service) return null;
    const row = await this.transfers.lock(manager, event.transferId, 'OUTBOUND');
    if (!row) {
      this.logger.error({ transferId: event.transferId, toService: event.toService }, 'outcome for an unknown outbound transfer; ignored');
      return null;
    }
    const next: TransferStatus = outcome.type === 'completed' ? 'COMPLETED' : outcome.event.status;
    if (!outcomeApplies(row.status, next)) return null;
    row.status = next;
    let note: string | null;
    if (outcome.type === 'completed') {
      row.result = outcome.event.result;
      row.resultDetails = outcome.event.details ?? null;
      note = outcome.event.result;
    } else {
      if (next === 'REFUSED') row.refusalReason = outcome.event.reason ?? null;
      note = outcome.event.reason ?? null;
    }
    row.timeline = [...row.timeline, { at: event.at, actorName: `${event.by.name}（${policeTypeLabel(event.toService)}）`, action: next, note }];
    await this.transfers.save(manager, row);
    return {
      transferId: row.transferId,
      caseRef: row.caseRef,
      kind: row.kind,
      toService: row.toService,
      status: next as TransferOutcome['status'],
      result: row.result,
      refusalReason: row.refusalReason,
    };
  }

  /** REVOCATION is handled by the core for every service: it finds the original and asks its worker to undo it. */
  private readonly revocationWorker: TransferWorker = { kind: 'REVOCATION', work: (event, manager, system) => this.undo(event, manager, system) };

  private async undo(event: TransferRequestedEvent, manager: EntityManager, system: Identity): Promise<TransferWorkResult> {
    const revokes = event.details?.['revokes'];
    const original = typeof revokes === 'string' ? await this.transfers.lock(manager, revokes, 'INBOUND') : null;
    if (!original || original.fromService !== event.fromService) {
      throw new TransferException(TransferErrorCode.TRANSFER_NOT_FOUND, '未找到被撤销的原移交，请人工核查', { revokes: typeof revokes === 'string' ? revokes : null });
    }
    const at = this.clock.now().toISOString();
    const before = original.status;
    original.status = planRevoke(before);
    original.timeline = [...original.timeline, { at, actorName: system.displayName, action: 'REVOKED', note: `${policeTypeLabel(event.fromService)}已撤销：${event.reason}` }];
    await this.transfers.save(manager, original);
    if (before !== 'COMPLETED') {
      const result = original.status === 'REVOKED' ? `原移交尚未办结（${TRANSFER_STATUS_LABELS[before]}），已撤销，不再办理` : `原移交${TRANSFER_STATUS_LABELS[before]}，无需恢复`;
      return { result, details: { revokes: original.transferId, originalStatus: before } };
    }
    const worker = this.workers.get(original.kind);
    if (!worker?.revoke) throw new TransferException(TransferErrorCode.REVOCATION_MANUAL, '原移交已办结且不能自动恢复，请人工恢复后反馈', { revokes: original.transferId });
    const undone = await worker.revoke(original, event, manager, system);
    return { result: undone.result, details: { ...undone.details, revokes: original.transferId, originalStatus: before } };
  }

  /** This service's OUTBOUND transfers of a case (e.g. the death case's follow-ups). */
  async findOutboundByCase(manager: EntityManager, caseRef: string, kind?: TransferKind): Promise<TransferSnapshot[]> {
    return (await this.transfers.findByCase(manager, caseRef, 'OUTBOUND', kind)).map(toTransferSnapshot);
  }

  /**
   * Scheduled job: flag open transfers (both sides) past their requested deadline, once each,
   * with a timeline entry and a `transfer.flagged` event for supervisors.
   */
  async flagOverdue(): Promise<{ checked: number; flagged: number }> {
    const today = this.clock.today();
    const ids = await this.transfers.findOverdueCandidates(this.dataSource.manager, today);
    let flagged = 0;
    for (const id of ids) {
      const done = await this.dataSource.transaction(async (manager) => {
        const row = await this.transfers.lockById(manager, id);
        if (!row || row.overdue || !isOverdue(row, today)) return false;
        const at = this.clock.now().toISOString();
        row.overdue = true;
        row.timeline = [...row.timeline, { at, actorName: FLAG_ACTOR, action: 'FLAG_OVERDUE', note: `已超过要求办结期限（${row.requestedDeadline}）` }];
        await this.transfers.save(manager, row);
        const event: TransferFlaggedEvent = {
          transferId: row.transferId,
          fromService: row.fromService,
          toService: row.toService,
          direction: row.direction,
          status: row.status,
          caseRef: row.caseRef,
          unitCode: row.unitCode,
          requestedDeadline: row.requestedDeadline,
          flaggedOn: today,
          at,
        };
        await this.outbox.enqueue(manager, TransferSubjects.flagged(this.options.service), event);
        return true;
      });
      if (done) flagged++;
    }
    if (flagged) this.outbox.notifyCommitted();
    return { checked: ids.length, flagged };
  }

  /** The identity automatic work runs under: the receiving police type, in the transfer's unit. */
  systemActor(unitCode: string): Identity {
    const policeType = policeTypeOfService(this.options.service);
    return {
      sub: `system:transfer-worker:${this.options.service}`,
      username: SYSTEM_USERNAME,
      displayName: `系统（${policeTypeLabel(this.options.service)}自动处理）`,
      roles: [Role.OFFICER],
      ...(policeType ? { policeType } : {}),
      unitCode,
      unitName: '',
    };
  }

  private async findCase(caseRef: string, actor: Identity): Promise<ApplicationSnapshot> {
    const number = caseRef.trim().toUpperCase();
    try {
      return await this.rpc.request<ApplicationSnapshot>(RpcSubjects.applicationGet(this.options.service), { number }, actor);
    } catch (err) {
      if (err instanceof DomainException && err.code === 'APPLICATION_NOT_FOUND') {
        throw new TransferException(TransferErrorCode.TRANSFER_CASE_NOT_FOUND, `未找到办件 ${number}（或不在您的辖区），不能移交`, { caseRef: number });
      }
      throw err;
    }
  }

  private async lockInbound(manager: EntityManager, transferId: string, actor: Identity): Promise<TransferEntity> {
    const row = await this.transfers.lock(manager, transferId, 'INBOUND');
    if (!row) throw new TransferException(TransferErrorCode.TRANSFER_NOT_FOUND, `本警种未收到移交 ${transferId}`, { transferId });
    if (!withinJurisdiction(actor.unitCode, row.unitCode)) throw DomainException.outOfJurisdiction();
    return row;
  }

  private rowOf(event: TransferRequestedEvent, direction: TransferDirection): Partial<TransferEntity> {
    return {
      transferId: event.transferId,
      direction,
      fromService: event.fromService,
      toService: event.toService,
      kind: event.kind,
      caseRef: event.caseRef,
      subjectIdNumber: event.subjectIdNumber ?? null,
      reason: event.reason,
      attachments: event.attachments.map((a) => ({ name: a.name, ref: a.ref })),
      requestedDeadlineDays: event.requestedDeadlineDays,
      requestedDeadline: event.requestedDeadline,
      details: event.details ?? {},
      status: 'REQUESTED',
      result: null,
      resultDetails: null,
      refusalReason: null,
      unitCode: event.requestedBy.unitCode,
      requestedBy: { sub: event.requestedBy.sub, name: event.requestedBy.name, unitCode: event.requestedBy.unitCode },
      requestedAt: new Date(event.requestedAt),
      overdue: false,
    };
  }

  private async emitAcknowledged(manager: EntityManager, row: TransferEntity, status: 'ACKNOWLEDGED' | 'REFUSED', reason: string | null, by: TransferActor, at: string) {
    const event: TransferAcknowledgedEvent = { transferId: row.transferId, fromService: row.fromService, toService: row.toService, status, ...(reason ? { reason } : {}), by, at };
    await this.outbox.enqueue(manager, TransferSubjects.acknowledged(row.toService, row.fromService), event);
  }

  private async emitCompleted(manager: EntityManager, row: TransferEntity, result: string, details: Record<string, unknown> | undefined, by: TransferActor, at: string) {
    const event: TransferCompletedEvent = { transferId: row.transferId, fromService: row.fromService, toService: row.toService, result, ...(details ? { details } : {}), by, at };
    await this.outbox.enqueue(manager, TransferSubjects.completed(row.toService, row.fromService), event);
  }
}

function actorOf(identity: Identity): TransferActor {
  return { sub: identity.sub, name: identity.displayName, unitCode: identity.unitCode };
}

export function toTransferSnapshot(row: TransferEntity): TransferSnapshot {
  return {
    transferId: row.transferId,
    direction: row.direction,
    fromService: row.fromService,
    toService: row.toService,
    kind: row.kind,
    caseRef: row.caseRef,
    subjectIdNumber: row.subjectIdNumber,
    reason: row.reason,
    attachments: row.attachments,
    requestedDeadline: row.requestedDeadline,
    status: row.status,
    result: row.result,
    refusalReason: row.refusalReason,
    unitCode: row.unitCode,
    overdue: row.overdue,
    timeline: row.timeline,
    updatedAt: new Date(row.updatedAt ?? Date.now()).toISOString(),
  };
}
