import { Injectable } from '@nestjs/common';
import {
  Role, TransferRpcSubjects, withinJurisdiction, type AcknowledgeTransferCommand, type CompleteTransferCommand, type Identity,
  type RequestTransferCommand, type ServiceName, type TransferSnapshot,
} from '@onewindow/contracts';
import { AuditService, DomainException, hasRole, jurisdictionOf, RpcClient } from '@onewindow/platform';
import { serviceOfNumber, serviceOfPoliceType } from '../common/service-routing.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import type { TransfersArgs } from './dto/transfers.args.js';
import type { AcknowledgeTransferInput, CompleteTransferInput, RequestTransferInput } from './dto/transfer.inputs.js';
import type { TransferViewEntity } from './transfer-view.entity.js';
import { TransferProjectionService } from './transfer-projection.service.js';
import { TransferViewRepository } from './transfer-view.repository.js';
import { TransferViewErrorCode, TransferViewException } from './transfers.exception.js';

/**
 * Transfers at the window and for supervisors: lists and details from the projection (scoped to
 * the caller's unit), commands routed over NATS to the service that owns the step — the sender
 * for a request, the receiver for acknowledge / complete — whose typed errors pass through.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly views: TransferViewRepository,
    private readonly projection: TransferProjectionService,
    private readonly rpc: RpcClient,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The service a list's direction is relative to: an officer's own police type, else the one asked for. */
  perspectiveOf(actor: Identity, args: Pick<TransfersArgs, 'policeType' | 'direction'>): ServiceName | undefined {
    if (hasRole(actor, Role.OFFICER) && actor.policeType && !hasRole(actor, Role.SUPERVISOR)) {
      if (args.policeType && args.policeType !== actor.policeType) throw DomainException.forbidden('后台民警只能查看本警种的移交');
      return serviceOfPoliceType(actor.policeType);
    }
    if (args.policeType) return serviceOfPoliceType(args.policeType);
    if (args.direction) throw new TransferViewException(TransferViewErrorCode.POLICE_TYPE_REQUIRED, '按移入/移出查询时请指定警种');
    return undefined;
  }

  async list(actor: Identity, args: TransfersArgs): Promise<{ rows: TransferViewEntity[]; total: number; perspective?: ServiceName }> {
    const perspective = this.perspectiveOf(actor, args);
    const [rows, total] = await this.views.list(jurisdictionOf(actor), {
      service: perspective,
      direction: args.direction,
      status: args.status,
      overdueOnly: args.overdueOnly,
      limit: args.limit,
      offset: args.offset,
    });
    return { rows, total, perspective };
  }

  /** One transfer with its timeline (TRANSFER_READ audited: it names a person). */
  async read(actor: Identity, id: string): Promise<{ row: TransferViewEntity; perspective?: ServiceName }> {
    const row = await this.views.findById(id, jurisdictionOf(actor));
    await this.audit.record(actor, { action: 'TRANSFER_READ', subjectType: 'TRANSFER', subjectRef: id, purpose: '查看跨警种移交', outcome: row ? 'SUCCESS' : 'FAILURE' });
    if (!row) throw new TransferViewException(TransferViewErrorCode.TRANSFER_NOT_FOUND, '未找到该移交（或不在您的辖区）', { id });
    const perspective = actor.policeType ? serviceOfPoliceType(actor.policeType) : undefined;
    return { row, perspective };
  }

  /** Sent by the service owning the case: from the case number's prefix, else the officer's police type. */
  async request(actor: Identity, input: RequestTransferInput): Promise<TransferSnapshot> {
    const caseRef = input.caseRef.trim().toUpperCase();
    const sender = serviceOfNumber(caseRef) ?? (actor.policeType ? serviceOfPoliceType(actor.policeType) : undefined);
    if (!sender) throw new TransferViewException(TransferViewErrorCode.TRANSFER_SENDER_UNKNOWN, '无法确定发起移交的警种，请填写本警种的办件编号', { caseRef });
    const command: RequestTransferCommand = {
      toService: serviceOfPoliceType(input.toPoliceType),
      kind: input.kind,
      caseRef,
      reason: input.reason,
      attachments: input.attachments.map((a) => ({ name: a.name, ref: a.ref })),
      requestedDeadlineDays: input.requestedDeadlineDays,
    };
    return this.caughtUp(await this.rpc.request<TransferSnapshot>(TransferRpcSubjects.request(sender), command, actor));
  }

  async acknowledge(actor: Identity, input: AcknowledgeTransferInput): Promise<TransferSnapshot> {
    const receiver = await this.receiverOf(actor, input.transferId);
    const command: AcknowledgeTransferCommand = { transferId: input.transferId, status: input.accept ? 'ACKNOWLEDGED' : 'REFUSED', reason: input.reason };
    return this.caughtUp(await this.rpc.request<TransferSnapshot>(TransferRpcSubjects.acknowledge(receiver), command, actor));
  }

  async complete(actor: Identity, input: CompleteTransferInput): Promise<TransferSnapshot> {
    const receiver = await this.receiverOf(actor, input.transferId);
    const command: CompleteTransferCommand = { transferId: input.transferId, result: input.result };
    return this.caughtUp(await this.rpc.request<TransferSnapshot>(TransferRpcSubjects.complete(receiver), command, actor));
  }

  /** Fold the owning service's reply into the projection so an immediate refetch is not stale. */
  private async caughtUp(snapshot: TransferSnapshot): Promise<TransferSnapshot> {
    await this.tx.run((manager) => this.projection.applySnapshot(snapshot, manager));
    return snapshot;
  }

  /** The receiving service, from the projection; before it has caught up, the officer's own police type. */
  private async receiverOf(actor: Identity, transferId: string): Promise<ServiceName> {
    const routing = await this.views.findRouting(transferId);
    if (routing?.unitCode && !withinJurisdiction(jurisdictionOf(actor).unitPrefix, routing.unitCode)) throw DomainException.outOfJurisdiction();
    const receiver = (routing?.toService as ServiceName | undefined) ?? (actor.policeType ? serviceOfPoliceType(actor.policeType) : undefined);
    if (!receiver) throw new TransferViewException(TransferViewErrorCode.TRANSFER_NOT_FOUND, '未找到该移交', { id: transferId });
    return receiver;
  }
}
