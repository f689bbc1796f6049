import { Injectable } from '@nestjs/common';
import type { RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { ServiceName, type ApplicationAction, type ApplicationSnapshot, type Identity, type TransferSnapshot } from '@onewindow/contracts';
import { normalizeIdNumberInput, validateIdNumber } from '@onewindow/id-number';
import { policeTypeLabel, TRANSFER_STATUS_LABELS, TransfersService } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DeathCaseErrorCode, DeathCaseException } from './death-case.exception.js';

export const DEATH_CANCEL_ITEM = 'HH-DEATH-CANCEL';

/**
 * Working days the other police types are asked to report back in. No statute sets it; local
 * practice for internal notices [unverified: local rule] — change it here.
 */
export const DEATH_FOLLOW_UP_DAYS = 5;

/** Who must act on a death, and what they are asked to do (one visit for the family instead of four). */
export const DEATH_FOLLOW_UPS: readonly { service: ServiceName; task: string }[] = [
  { service: ServiceName.EXIT_ENTRY, task: '请注销其持有的普通护照、往来港澳台通行证等出入境证件' },
  { service: ServiceName.TRAFFIC, task: '请注销其机动车驾驶证，并标记其名下机动车' },
  { service: ServiceName.PUBLIC_SECURITY, task: '请核查其持有的治安类许可证件（保安员证、民用爆炸物品许可等）并依法注销' },
];

/** Actions that finish a death cancellation: they wait until every follow-up has reported back. */
const GATED_ACTIONS: readonly ApplicationAction[] = ['APPROVE', 'MARK_READY', 'CLOSE'];

/** Actions that end a death cancellation without a death on record: what the follow-ups did is undone. */
const REVOKING_ACTIONS: Readonly<Partial<Record<ApplicationAction, string>>> = { REJECT: '不予批准', WITHDRAW: '已撤回' };

/**
 * The death case done right (死亡注销一次办): accepting a death cancellation opens follow-up
 * transfers to exit-entry, traffic and public security in the same transaction, and the
 * application cannot be approved, made ready or closed until all three have reported back.
 */
@Injectable()
export class DeathCaseService {
  constructor(private readonly transfers: TransfersService) {}

  /** Opens the three follow-ups for an accepted death cancellation (acceptance transaction). */
  async openFollowUps(app: ApplicationSnapshot, actor: Identity, manager: EntityManager): Promise<RulesTimelineNote[]> {
    if (app.itemCode !== DEATH_CANCEL_ITEM) return [];
    const deceasedIdNumber = normalizedId(String(app.form['deceasedIdNumber'] ?? ''));
    const deceasedName = String(app.form['deceasedName'] ?? '').trim();
    const dateOfDeath = String(app.form['dateOfDeath'] ?? '');
    const opened: TransferSnapshot[] = [];
    for (const target of DEATH_FOLLOW_UPS) {
      opened.push(
        await this.transfers.open(manager, {
          toService: target.service,
          kind: 'DEATH_FOLLOW_UP',
          caseRef: app.number,
          subjectIdNumber: deceasedIdNumber,
          reason: `${deceasedName}于${dateOfDeath}死亡，户口已申报死亡注销（${app.number}）。${target.task}。`,
          requestedDeadlineDays: DEATH_FOLLOW_UP_DAYS,
          details: { dateOfDeath, deceasedName, relationToDeceased: app.form['relationToDeceased'] ?? null },
          requestedBy: actor,
        }),
      );
    }
    return [
      {
        action: 'FOLLOW_UPS_OPENED',
        reason: `已自动移交${opened.map((t) => policeTypeLabel(t.toService)).join('、')}办理死亡注销后续事项，要求${opened[0]!.requestedDeadline}前反馈`,
        details: { transfers: opened.map((t) => ({ transferId: t.transferId, toService: t.toService, requestedDeadline: t.requestedDeadline })) },
      },
    ];
  }

  /**
   * A death cancellation refused or withdrawn after its follow-ups went out (e.g. a forged
   * medical certificate): each follow-up not refused by its receiver is revoked (撤销), and the
   * receivers restore the documents, licence, vehicles and permits their workers took out of use.
   * Same transaction as the transition, so the revocations go out if and only if it commits.
   */
  async revokeFollowUps(ctx: Pick<TransitionContext, 'application' | 'action' | 'command' | 'actor' | 'manager'>): Promise<RulesTimelineNote[]> {
    const { application: app, action, command, actor, manager } = ctx;
    const outcome = REVOKING_ACTIONS[action];
    if (app.itemCode !== DEATH_CANCEL_ITEM || !outcome) return [];
    const followUps = (await this.transfers.findOutboundByCase(manager, app.number, 'DEATH_FOLLOW_UP')).filter((t) => t.status !== 'REFUSED' && t.status !== 'REVOKED');
    if (!followUps.length) return [];
    const why = `死亡注销申请${outcome}（${app.number}${command.reason ? `：${command.reason.trim()}` : ''}）`;
    const revoked: (TransferSnapshot & { revokes: string })[] = [];
    for (const original of followUps) {
      revoked.push({
        revokes: original.transferId,
        ...(await this.transfers.revoke(manager, {
          original,
          reason: `${why}。请撤销原死亡注销后续事项，恢复因此注销或标记的证件、车辆、许可`,
          requestedDeadlineDays: DEATH_FOLLOW_UP_DAYS,
          requestedBy: actor,
        })),
      });
    }
    return [
      {
        action: 'FOLLOW_UPS_REVOKED',
        reason: `已通知${revoked.map((t) => policeTypeLabel(t.toService)).join('、')}撤销死亡注销后续事项并恢复相关证件，要求${revoked[0]!.requestedDeadline}前反馈`,
        details: { transfers: revoked.map((t) => ({ transferId: t.transferId, toService: t.toService, revokes: t.revokes })) },
      },
    ];
  }

  /** Whether a case of this service opened death follow-ups (its revocations are noted on it). */
  async isDeathCase(caseRef: string, manager: EntityManager): Promise<boolean> {
    return (await this.transfers.findOutboundByCase(manager, caseRef, 'DEATH_FOLLOW_UP')).length > 0;
  }

  /** Whether the case's follow-ups were revoked (the cancellation was refused or withdrawn). */
  async wasRevoked(caseRef: string, manager: EntityManager): Promise<boolean> {
    return (await this.transfers.findOutboundByCase(manager, caseRef, 'REVOCATION')).length > 0;
  }

  /** The follow-ups of a case that have not reported a result yet. */
  async pendingFollowUps(caseRef: string, manager: EntityManager): Promise<TransferSnapshot[]> {
    const followUps = await this.transfers.findOutboundByCase(manager, caseRef, 'DEATH_FOLLOW_UP');
    return followUps.filter((t) => t.status !== 'COMPLETED' && t.status !== 'REVOKED');
  }

  /** Refuses APPROVE / MARK_READY / CLOSE of a death cancellation while a follow-up is pending. */
  async assertMayProceed(ctx: Pick<TransitionContext, 'application' | 'action' | 'manager'>): Promise<void> {
    const { application: app, action, manager } = ctx;
    if (app.itemCode !== DEATH_CANCEL_ITEM || !GATED_ACTIONS.includes(action)) return;
    if (action === 'CLOSE' && app.status === 'REJECTED') return; // no death on record; the follow-ups were revoked
    const pending = await this.pendingFollowUps(app.number, manager);
    if (!pending.length) return;
    const list = pending.map((t) => `${policeTypeLabel(t.toService)}（${TRANSFER_STATUS_LABELS[t.status]}）`);
    throw new DeathCaseException(
      DeathCaseErrorCode.FOLLOW_UPS_PENDING,
      `死亡注销的跨警种后续事项尚未全部反馈：${list.join('、')}，全部反馈后方可继续办理`,
      { pending: pending.map((t) => ({ transferId: t.transferId, policeType: policeTypeLabel(t.toService), status: t.status })) },
    );
  }
}

function normalizedId(value: string): string {
  const check = validateIdNumber(value);
  return check.valid ? check.normalized : normalizeIdNumberInput(value);
}
