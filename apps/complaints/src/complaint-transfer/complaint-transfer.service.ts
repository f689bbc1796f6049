import { Injectable } from '@nestjs/common';
import { PoliceType, POLICE_TYPE_LABELS, SERVICE_OF_POLICE_TYPE, SYSTEM_USERNAME, type Identity } from '@onewindow/contracts';
import { policeTypeLabel, TransfersService, type TransferOutcome, type TransferOutcomeListener } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import type { ComplaintEntity } from '../complaint/complaint.entity.js';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import { ComplaintService } from '../complaint/complaint.service.js';

/** Statuses in which a complaint may still be sent for verification (not yet answered or ended). */
const TRANSFERABLE = new Set(['RECEIVED', 'ACCEPTED', 'REOPENED']);

export interface ComplaintTransferRequest {
  number: string;
  toPoliceType: PoliceType;
  reason: string;
  requestedDeadlineDays: number;
}

/**
 * 信访核查移交: a complaints officer sends a complaint to the police type concerned to verify the
 * facts and handle them (TransferKind COMPLAINT_CHECK), through the platform's transfers —
 * opened inside the complaint's transaction, with a line on its timeline. The receiving officer
 * signs for it and reports the result on the existing transfer screens.
 */
@Injectable()
export class ComplaintTransferService {
  constructor(private readonly complaints: ComplaintService, private readonly transfers: TransfersService) {}

  async send(actor: Identity, req: ComplaintTransferRequest): Promise<ComplaintEntity> {
    if (req.toPoliceType === PoliceType.COMPLAINTS) throw new ComplaintException(Code.COMPLAINT_TRANSFER_NOT_ALLOWED, '不能移交给信访本身，请选择被投诉事项所属警种');
    const reason = req.reason.trim();
    if (!reason) throw new ComplaintException(Code.REASON_REQUIRED, '请填写移交核查的事项');
    return this.complaints.annotate(actor, req.number, 'TRANSFER', async (manager, c) => {
      if (!TRANSFERABLE.has(c.status)) throw new ComplaintException(Code.COMPLAINT_TRANSFER_NOT_ALLOWED, '已答复、不予受理或已办结的信访事项不能再移交核查', { status: c.status });
      const t = await this.transfers.open(manager, {
        toService: SERVICE_OF_POLICE_TYPE[req.toPoliceType],
        kind: 'COMPLAINT_CHECK',
        caseRef: c.number,
        subjectIdNumber: c.complainantIdNumber,
        reason: `信访核查（${c.number}）：${reason}`,
        requestedDeadlineDays: req.requestedDeadlineDays,
        details: { complaintKind: c.kind, responsibleUnitCode: c.unitCode, applicationNumber: c.applicationNumber },
        requestedBy: actor,
      });
      return {
        note: `移交${POLICE_TYPE_LABELS[req.toPoliceType]}核查（期限 ${t.requestedDeadline}）：${reason}`,
        details: { transferId: t.transferId, toPoliceType: req.toPoliceType, requestedDeadline: t.requestedDeadline },
      };
    });
  }
}

const SYSTEM: Identity = { sub: 'system:transfers', username: SYSTEM_USERNAME, displayName: '系统（跨警种移交）', roles: [], unitCode: '', unitName: '' };
const OUTCOME_LABELS: Record<TransferOutcome['status'], string> = { ACKNOWLEDGED: '已签收', REFUSED: '退回', COMPLETED: '反馈核查结果' };

/** The receiving police type signed for, refused or reported on a complaint it was sent: onto the complaint's timeline. */
@Injectable()
export class ComplaintTransferOutcomeListener implements TransferOutcomeListener {
  constructor(private readonly complaints: ComplaintService) {}

  async onOutcome(outcome: TransferOutcome, manager: EntityManager): Promise<void> {
    if (outcome.kind !== 'COMPLAINT_CHECK') return;
    const text = outcome.status === 'COMPLETED' ? outcome.result : outcome.status === 'REFUSED' ? outcome.refusalReason : null;
    const label = `${policeTypeLabel(outcome.toService)}${OUTCOME_LABELS[outcome.status]}`;
    await this.complaints.recordFact(manager, SYSTEM, outcome.caseRef, 'TRANSFER_OUTCOME', text ? `${label}：${text}` : label, {
      transferId: outcome.transferId, status: outcome.status, result: outcome.result ?? null, refusalReason: outcome.refusalReason ?? null,
    });
  }
}
