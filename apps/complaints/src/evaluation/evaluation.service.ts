import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationSnapshot, EventSubjects, PoliceType, RpcSubjects, Role, ServiceName, withinJurisdiction,
  type EvaluationChannel, type EvaluationLevel, type EvaluationRecordedEvent, type Identity, type NotificationRequestedEvent,
} from '@onewindow/contracts';
import {
  AuditService, BusinessClock, cityScope, DomainException, hasRole, LOGGER, maskerFor, OutboxService, RpcClient, SERVICE_CONFIG, type Logger,
} from '@onewindow/platform';
import { maskPhone } from '@onewindow/id-number';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { CallbackService } from '../callback/callback.service.js';
import { ComplaintEntity, ComplaintEventEntity } from '../complaint/complaint.entity.js';
import type { ComplaintsConfig } from '../config.js';
import type { EvaluationEntity, RatingDeviceEntity, VisitSummary, WindowVisitEntity } from './evaluation.entity.js';
import { EvaluationErrorCode as Code, EvaluationException } from './evaluation.exception.js';
import { EvaluationRepository, type NewEvaluation } from './evaluation.repository.js';
import {
  COMPLETED_STATUSES, isBadReview, nationalLevelOf, newDeviceToken, newPairingCode, normalizeMobile, normalizePairingCode, parseSmsReply, reasonsFor,
  serviceOfApplication, tokenHash, type EvaluationReason, type InboundSms, type WindowRating,
} from './evaluation.rules.js';

/** Pairing codes live five minutes. */
const PAIRING_TTL_MS = 5 * 60_000;
/** An SMS invitation takes replies for seven days; a later "3" is not matched to a weeks-old matter. */
const REPLY_WINDOW_MS = 7 * 24 * 3600_000;

export interface WindowRatingInput {
  deviceToken: string;
  visitId: string;
  rating: WindowRating;
  reasons?: EvaluationReason[];
  comment?: string;
}

export interface RecordedEvaluation {
  evaluation: EvaluationEntity;
  callbackOpened: boolean;
}

/**
 * 好差评: the window's citizen screen (paired to one window, rates the visit the clerk presented)
 * and the SMS callback survey after completion (invitation on the application's completion event,
 * replies through the signed inbound endpoint). One evaluation per matter, whichever comes first;
 * a bad review opens a 回访核实 task in the same transaction.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly callbacks: CallbackService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly rpc: RpcClient,
    private readonly clock: BusinessClock,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // ---- pairing ---------------------------------------------------------------------------------

  /** The clerk's screen shows a code (8 characters, 5 minutes, single use) for the tablet of their window. */
  async startPairing(actor: Identity, windowNo: string): Promise<{ code: string; expiresAt: Date; unitCode: string; windowNo: string }> {
    assertClerk(actor);
    const code = newPairingCode();
    const expiresAt = new Date(this.clock.now().getTime() + PAIRING_TTL_MS);
    await this.evaluations.insertPairing(this.dataSource.manager, {
      codeHash: tokenHash(code), unitCode: actor.unitCode, unitName: actor.unitName, windowNo, createdBy: actor.username, expiresAt, usedAt: null,
    });
    return { code, expiresAt, unitCode: actor.unitCode, windowNo };
  }

  /** The tablet types the code and receives a device token for that one window (only its hash is stored). */
  async pairDevice(code: string): Promise<{ deviceToken: string; unitCode: string; unitName: string; windowNo: string; expiresAt: Date }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const pairing = await this.evaluations.findPairingByHash(manager, tokenHash(normalizePairingCode(code)));
      if (!pairing || pairing.usedAt || pairing.expiresAt.getTime() < now.getTime()) {
        throw new EvaluationException(Code.RATING_PAIRING_INVALID, '配对码无效或已过期，请在窗口重新生成');
      }
      await this.evaluations.markPairingUsed(manager, pairing.id, now);
      const deviceToken = newDeviceToken();
      const expiresAt = new Date(now.getTime() + this.config.RATING_DEVICE_TTL_HOURS * 3600_000);
      await this.evaluations.insertDevice(manager, {
        tokenHash: tokenHash(deviceToken), unitCode: pairing.unitCode, unitName: pairing.unitName, windowNo: pairing.windowNo, pairedBy: pairing.createdBy, expiresAt, revokedAt: null,
      });
      return { deviceToken, unitCode: pairing.unitCode, unitName: pairing.unitName, windowNo: pairing.windowNo, expiresAt };
    });
  }

  /** Unpairs every screen of the clerk's window (a lost tablet, the end of the day). */
  async revokeDevices(actor: Identity, windowNo: string): Promise<number> {
    assertClerk(actor);
    return this.evaluations.revokeDevices(this.dataSource.manager, actor.unitCode, windowNo, this.clock.now());
  }

  // ---- the window visit ------------------------------------------------------------------------

  /**
   * After acceptance or hand-out the clerk presents the application to the window's screen: the
   * record comes from the owning service, asked with the clerk's identity; the screen sees it masked.
   */
  async present(actor: Identity, windowNo: string, applicationNumber: string): Promise<WindowVisitEntity> {
    assertClerk(actor);
    const number = applicationNumber.trim().toUpperCase();
    const snapshot = await this.fetchApplication(actor, number);
    if (!withinJurisdiction(cityScope(actor).unitPrefix, snapshot.unitCode)) throw DomainException.outOfJurisdiction('该办件不属于本市');
    const mask = maskerFor(false, { list: true });
    const summary: VisitSummary = {
      applicationNumber: snapshot.number,
      itemName: snapshot.itemName,
      applicantName: mask.name(snapshot.applicantName) ?? '',
      applicantIdNumber: mask.idNumber(snapshot.applicantIdNumber),
      applicantPhone: mask.phone(snapshot.applicantPhone),
      status: snapshot.status,
      unitName: snapshot.unitName,
      acceptedAt: snapshot.acceptedAt,
      deadline: snapshot.deadline,
    };
    const visit = await this.dataSource.transaction(async (manager) => {
      if (await this.evaluations.evaluationOf(manager, number)) throw new EvaluationException(Code.EVALUATION_ALREADY_RECORDED, `办件 ${number} 已经评价过（一件事项只评价一次）`);
      await this.evaluations.supersedeVisits(manager, actor.unitCode, windowNo);
      await this.audit.record(actor, { action: 'EVALUATION_VISIT_PRESENTED', subjectType: 'APPLICATION', subjectRef: number, purpose: '推送当场评价', details: { windowNo } }, manager);
      return this.evaluations.insertVisit(manager, {
        unitCode: actor.unitCode, windowNo, applicationNumber: number, policeType: snapshot.policeType, clerkUsername: actor.username, clerkName: actor.displayName,
        summary, applicantIdNumber: snapshot.applicantIdNumber, applicantPhone: normalizeMobile(snapshot.applicantPhone ?? '') ?? null, status: 'PRESENTED', presentedAt: this.clock.now(),
      });
    });
    return visit;
  }

  /** What the paired screen shows now: its window and the visit presented there, if any (masked). */
  async screen(deviceToken: string): Promise<{ device: RatingDeviceEntity; visit: WindowVisitEntity | null }> {
    const device = await this.device(this.dataSource.manager, deviceToken);
    return { device, visit: await this.evaluations.currentVisit(this.dataSource.manager, device.unitCode, device.windowNo) };
  }

  /** The citizen confirms and rates: the visit and its evaluation become final together. */
  async rateVisit(input: WindowRatingInput): Promise<RecordedEvaluation> {
    const level = nationalLevelOf(input.rating);
    const reasons = reasonsFor(level, input.reasons);
    if (reasons === 'REQUIRED') throw new EvaluationException(Code.EVALUATION_REASON_REQUIRED, '不满意时请选择原因');
    const recorded = await this.dataSource.transaction(async (manager) => {
      const device = await this.device(manager, input.deviceToken);
      const visit = await this.evaluations.findVisit(manager, input.visitId, { lock: true });
      // Same answer for an unknown visit and another window's: a device learns nothing about other windows.
      if (!visit || visit.unitCode !== device.unitCode || visit.windowNo !== device.windowNo) {
        throw new EvaluationException(Code.EVALUATION_WRONG_WINDOW, '该办件不是本窗口推送的评价');
      }
      if (visit.status === 'RATED') throw new EvaluationException(Code.EVALUATION_ALREADY_RECORDED, '该办件已经评价过');
      if (visit.status !== 'PRESENTED') throw new EvaluationException(Code.EVALUATION_VISIT_NOT_PRESENTED, '该办件已不在评价屏上，请窗口重新推送');
      const r = await this.record(manager, {
        applicationNumber: visit.applicationNumber, channel: 'WINDOW', level, reasons, comment: input.comment?.trim() || null, policeType: visit.policeType,
        unitCode: visit.unitCode, windowNo: visit.windowNo, officerUsername: visit.clerkUsername, officerName: visit.clerkName,
        applicantIdNumber: visit.applicantIdNumber, applicantPhone: visit.applicantPhone, visitId: visit.id,
      });
      await this.evaluations.markVisitRated(manager, visit.id);
      return r;
    });
    this.outbox.notifyCommitted();
    return recorded;
  }

  // ---- SMS callback survey ---------------------------------------------------------------------

  /**
   * An application event from its owning service: on completion, with no evaluation yet and a
   * mobile number on record, invite the citizen by SMS once (inside the consumer's transaction).
   */
  async onApplicationChanged(snapshot: ApplicationSnapshot, manager: EntityManager): Promise<boolean> {
    if (!COMPLETED_STATUSES.includes(snapshot.status)) return false;
    const phone = normalizeMobile(snapshot.applicantPhone ?? '');
    if (!phone) return false;
    if (await this.evaluations.evaluationOf(manager, snapshot.number)) return false;
    const fresh = await this.evaluations.insertInvitation(manager, {
      applicationNumber: snapshot.number, phone, policeType: snapshot.policeType, unitCode: snapshot.unitCode,
      officerUsername: usernameOf(snapshot.firstInquiryOwnerSub), officerName: snapshot.firstInquiryOwnerName, applicantIdNumber: snapshot.applicantIdNumber,
      invitedAt: this.clock.now(), answeredAt: null,
    });
    if (!fresh) return false;
    const sms: NotificationRequestedEvent = {
      // Short ids: the counter keeps `NOTIFY:<id>` in 24 characters.
      notificationId: `I${snapshot.number}`, phone, template: 'EVALUATION_INVITATION', params: {}, reference: snapshot.number, unitCode: snapshot.unitCode,
    };
    await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), sms);
    return true;
  }

  /**
   * 答复评价: a complaint was answered (its own `complaints.v1.complaint.changed`, action ANSWER):
   * the complainant may rate the answer by SMS — one invitation per complaint, to a mobile only,
   * never after a rating was recorded. The evaluated unit is the handling unit (承办单位), the
   * evaluated officer the complaints officer who answered. A reply goes through `takeSmsReply`
   * like any other; a bad rating opens a 回访核实 task for that unit's supervisor.
   */
  async onComplaintAnswered(number: string, manager: EntityManager): Promise<boolean> {
    const complaint = await manager.getRepository(ComplaintEntity).findOneBy({ number });
    if (!complaint || complaint.status !== 'ANSWERED') return false;
    const phone = normalizeMobile(complaint.complainantPhone);
    if (!phone) return false;
    if (await this.evaluations.evaluationOf(manager, number)) return false;
    const answer = await manager.getRepository(ComplaintEventEntity).findOne({ where: { complaintId: complaint.id, action: 'ANSWER' }, order: { id: 'DESC' } });
    const fresh = await this.evaluations.insertInvitation(manager, {
      applicationNumber: number, phone, policeType: PoliceType.COMPLAINTS, unitCode: complaint.handlingUnitCode ?? complaint.unitCode,
      officerUsername: answer ? usernameOf(answer.actorSub) : null, officerName: answer?.actorName ?? null, applicantIdNumber: complaint.complainantIdNumber,
      invitedAt: this.clock.now(), answeredAt: null,
    });
    if (!fresh) return false;
    const sms: NotificationRequestedEvent = {
      notificationId: `A${number}`, phone, template: 'COMPLAINT_ANSWER_RATING', params: { number }, reference: number, unitCode: complaint.handlingUnitCode ?? complaint.unitCode,
    };
    await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), sms);
    return true;
  }

  /** The complainant's rating of a complaint's answer, if any (not voided). */
  async answerRatingOf(number: string): Promise<EvaluationEntity | null> {
    const found = await this.evaluations.evaluationOf(this.dataSource.manager, number);
    return found && !found.voided ? found : null;
  }

  /**
   * A reply from the provider's inbound endpoint (signature already checked): a repeated message
   * id is a no-op; an unknown number or answer is refused with nothing written.
   */
  async takeSmsReply(sms: InboundSms): Promise<{ outcome: 'RECORDED' | 'DUPLICATE'; level?: EvaluationLevel; callbackOpened?: boolean }> {
    const result = await this.dataSource.transaction(async (manager) => {
      if (await this.evaluations.findInbound(manager, sms.messageId)) return { outcome: 'DUPLICATE' as const };
      const phone = normalizeMobile(sms.from);
      const invitation = phone ? await this.evaluations.openInvitationOf(manager, phone, new Date(this.clock.now().getTime() - REPLY_WINDOW_MS)) : null;
      if (!invitation) {
        this.logger.warn({ messageId: sms.messageId, from: phone ? maskPhone(phone) : 'invalid' }, 'evaluation reply from a number without an open invitation');
        throw new EvaluationException(Code.EVALUATION_SMS_UNKNOWN_SENDER, '该号码没有待回复的评价邀请');
      }
      const rating = parseSmsReply(sms.text);
      if (!rating) {
        this.logger.warn({ messageId: sms.messageId, from: maskPhone(invitation.phone) }, 'evaluation reply not understood');
        throw new EvaluationException(Code.EVALUATION_SMS_UNKNOWN_ANSWER, '回复内容无法识别（应为 1、2 或 3）');
      }
      const level = nationalLevelOf(rating);
      const r = await this.record(manager, {
        applicationNumber: invitation.applicationNumber, channel: 'SMS', level, reasons: [], comment: null, policeType: invitation.policeType,
        unitCode: invitation.unitCode, windowNo: null, officerUsername: invitation.officerUsername, officerName: invitation.officerName,
        applicantIdNumber: invitation.applicantIdNumber, applicantPhone: invitation.phone, visitId: null,
      });
      await this.evaluations.markInvitationAnswered(manager, invitation.id, this.clock.now());
      await this.evaluations.insertInbound(manager, sms.messageId, r.evaluation.id);
      return { outcome: 'RECORDED' as const, level, callbackOpened: r.callbackOpened };
    });
    this.outbox.notifyCommitted();
    return result;
  }

  /** A person's evaluations for the 360° view (clerks, officers, supervisors; none about the viewer). */
  async ofApplicant(viewer: Identity, idNumber: string): Promise<EvaluationEntity[]> {
    if (!hasRole(viewer, Role.CLERK, Role.OFFICER, Role.SUPERVISOR)) throw DomainException.forbidden('无权查看服务评价');
    const found = await this.evaluations.findByApplicant(this.dataSource.manager, idNumber, cityScope(viewer));
    return found.filter((e) => e.officerUsername !== viewer.username);
  }

  // ---- internals -------------------------------------------------------------------------------

  private async record(manager: EntityManager, e: Omit<NewEvaluation, 'evaluatedOn' | 'evaluatedAt' | 'voided' | 'voidReason' | 'voidedBy'> & { channel: EvaluationChannel }): Promise<RecordedEvaluation> {
    const evaluation = await this.evaluations.insertEvaluation(manager, {
      ...e, evaluatedOn: this.clock.today(), evaluatedAt: this.clock.now(), voided: false, voidReason: null, voidedBy: null,
    });
    if (!evaluation) throw new EvaluationException(Code.EVALUATION_ALREADY_RECORDED, `办件 ${e.applicationNumber} 已经评价过（一件事项只评价一次）`);
    const event: EvaluationRecordedEvent = {
      evaluationId: evaluation.id, applicationNumber: evaluation.applicationNumber, level: evaluation.level, channel: evaluation.channel, unitCode: evaluation.unitCode,
      windowNo: evaluation.windowNo, officerUsername: evaluation.officerUsername, evaluatedOn: evaluation.evaluatedOn, voided: false, at: evaluation.evaluatedAt.toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.evaluationRecorded, event);
    const bad = isBadReview(evaluation.level);
    if (bad) await this.callbacks.open(manager, evaluation);
    return { evaluation, callbackOpened: bad };
  }

  private async device(manager: EntityManager, token: string): Promise<RatingDeviceEntity> {
    const device = token ? await this.evaluations.findDeviceByHash(manager, tokenHash(token)) : null;
    if (!device || device.revokedAt || device.expiresAt.getTime() < this.clock.now().getTime()) {
      throw new EvaluationException(Code.RATING_DEVICE_INVALID, '评价屏配对已失效，请窗口工作人员重新配对');
    }
    return device;
  }

  /** The application from its owning service, asked with the clerk's identity, validated against the contract. */
  private async fetchApplication(actor: Identity, number: string): Promise<ApplicationSnapshot> {
    const service = serviceOfApplication(number);
    if (!service) throw new EvaluationException(Code.EVALUATION_APPLICATION_NOT_FOUND, `未找到受理编号 ${number}`);
    let raw: unknown;
    try {
      raw = await this.rpc.request<unknown>(RpcSubjects.applicationGet(service), { number }, actor);
    } catch (err) {
      if (err instanceof DomainException && (err.code === 'APPLICATION_NOT_FOUND' || err.code === 'NOT_FOUND')) {
        throw new EvaluationException(Code.EVALUATION_APPLICATION_NOT_FOUND, `未找到受理编号 ${number}`);
      }
      throw err;
    }
    const snapshot = plainToInstance(ApplicationSnapshot, raw);
    const errors = await validate(snapshot);
    if (errors.length || snapshot.number !== number) throw DomainException.unavailable('承办警种系统返回的数据有误，请稍后重试');
    return snapshot;
  }
}

function assertClerk(actor: Identity): void {
  if (!hasRole(actor, Role.CLERK)) throw DomainException.forbidden('仅窗口人员可以配对评价屏和推送评价');
}

/** `demo:demo-clerk` → `demo-clerk`: the officer's account from the subject the owning service recorded. */
function usernameOf(sub: string): string {
  const i = sub.indexOf(':');
  return i >= 0 ? sub.slice(i + 1) : sub;
}
