import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import {
  EventSubjects, NotificationRequestedEvent, PoliceType, policeUnitName, Role, ServiceName, withinJurisdiction,
  type ComplaintAction, type ComplaintChangedEvent, type ComplaintChannel, type ComplaintFinding, type ComplaintKind, type ComplaintStatus, type Identity,
} from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import {
  AuditService, BusinessClock, cityScope, DomainException, hasRole, jurisdictionOf, OutboxService, WHOLE_BUREAU, type Jurisdiction,
} from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DeductionService } from '../deduction/deduction.service.js';
import { checkFinding, isSubstantiated, KINDS_WITHOUT_FINDING } from '../deduction/deduction.rules.js';
import { RoutingService } from '../routing/routing.service.js';
import type { ComplaintEntity, ComplaintEventEntity } from './complaint.entity.js';
import { ComplaintErrorCode as Code, ComplaintException } from './complaint.exception.js';
import { ComplaintRepository, type ComplaintFilter } from './complaint.repository.js';
import {
  acceptanceDeadline, answerDeadline, calendarPeriodEnd, complaintNumber, EXTENSION_DAYS, currentDeadline, deadlineStateOf, extendedAnswerDeadline, firstOfSameMatter,
  nextStatus, reopenedAnswerDeadline, requireReason, type ComplaintCommand,
} from './complaint.rules.js';

export interface ComplaintIntake {
  channel: ComplaintChannel;
  complainantName: string;
  complainantIdNumber?: string;
  complainantPhone: string;
  content: string;
  policeType: PoliceType;
  responsibleUnitCode: string;
  officerUsername?: string;
  officerName?: string;
  kind: ComplaintKind;
  applicationNumber?: string;
  /** The first-inquiry record (首问登记, counter) the complaint points at: format checked, stored, shown. */
  firstInquiryNumber?: string;
  /** When a letter or a hotline ticket arrived (default today); the acceptance period runs from it. */
  receivedOn?: string;
  /** The channel's own reference: hotline call id, letter reference, 12345 work-order number. */
  channelReference?: string;
}

/** 核查结论 with the responsible officer confirmed (default: the officer named at intake) or corrected. */
export interface ComplaintFindingInput {
  finding?: ComplaintFinding;
  responsibleOfficerUsername?: string;
  responsibleOfficerName?: string;
}

export interface ComplaintAnswer extends ComplaintFindingInput {
  number: string;
  text: string;
  answerChannel: string;
  answeredOn?: string;
}

/** SMS template (registered at the counter) telling the complainant the answer period was extended. */
export const COMPLAINT_EXTENDED_TEMPLATE = 'COMPLAINT_EXTENDED';
const MOBILE = /^1[3-9]\d{9}$/;

/** A complaint is in an officer's jurisdiction through its responsible unit or its handling unit (decision 0013). */
function inJurisdiction(actor: Identity, c: Pick<ComplaintEntity, 'unitCode' | 'handlingUnitCode'>): boolean {
  const prefix = jurisdictionOf(actor).unitPrefix;
  return withinJurisdiction(prefix, c.unitCode) || withinJurisdiction(prefix, c.handlingUnitCode);
}

/** Who may do what to a complaint: the lines below are the whole access policy of the register. */
function isComplaintsOfficer(actor: Identity): boolean {
  return hasRole(actor, Role.OFFICER) && actor.policeType === PoliceType.COMPLAINTS;
}

/**
 * The complaint register (信访投诉): intake from every channel, acceptance, answer, extension,
 * reopening and closing, each on the timeline and announced through the outbox in the same
 * transaction; reads scoped and masked by role, every detail read audited with its purpose.
 */
@Injectable()
export class ComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BusinessClock,
    private readonly deductions: DeductionService,
    private readonly routing: RoutingService,
  ) {}

  /** 登记: a window clerk records complaints made in person; complaints officers record every channel of their jurisdiction. */
  async intake(actor: Identity, input: ComplaintIntake): Promise<ComplaintEntity> {
    const unitCode = input.responsibleUnitCode.trim();
    if (isComplaintsOfficer(actor)) {
      if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, unitCode)) throw DomainException.outOfJurisdiction('被投诉单位不在您的辖区范围内');
    } else if (hasRole(actor, Role.CLERK)) {
      if (input.channel !== 'WINDOW') throw new ComplaintException(Code.COMPLAINT_CHANNEL_NOT_ALLOWED, '窗口只能登记群众当面提出的投诉，其他渠道请由信访民警登记');
      if (!withinJurisdiction(cityScope(actor).unitPrefix, unitCode)) throw DomainException.outOfJurisdiction('被投诉单位不在本市');
    } else {
      throw DomainException.forbidden('仅窗口人员和信访民警可以登记信访投诉');
    }
    return this.receive(actor, input);
  }

  /**
   * Registers a complaint whose channel has already authorised it (the window, the officer's
   * intake, the online form after its SMS code, the 12345 import): numbered, checked for a repeat,
   * routed to its handling unit, on the timeline, announced, and acknowledged to the complainant
   * by SMS — one transaction. `within` runs first in the same transaction (e.g. consuming the SMS
   * code), so a refusal there writes nothing.
   */
  async receive(
    actor: Identity,
    input: ComplaintIntake,
    opts: { receivedUnitCode?: string; within?: (manager: EntityManager) => Promise<void> } = {},
  ): Promise<ComplaintEntity> {
    const unitCode = input.responsibleUnitCode.trim();
    const officerUsername = input.officerUsername?.trim() || null;
    if (officerUsername && officerUsername === actor.username) {
      throw new ComplaintException(Code.COMPLAINT_ABOUT_SELF, '该投诉指名了您本人，请交由其他民警登记（回避）');
    }
    const today = this.clock.today();
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) throw new ComplaintException(Code.DATE_IN_FUTURE, '收到日期不能晚于今天');
    const idNumber = input.complainantIdNumber?.trim() ? normalizedIdNumber(input.complainantIdNumber) : null;
    const key = {
      complainantPhone: input.complainantPhone.replace(/[\s-]/g, ''),
      complainantIdNumber: idNumber,
      applicationNumber: input.applicationNumber?.trim().toUpperCase() || null,
      unitCode,
      kind: input.kind,
    };
    const saved = await this.dataSource.transaction(async (manager) => {
      if (opts.within) await opts.within(manager);
      const repeatOf = firstOfSameMatter(key, receivedOn, await this.complaints.findEarlierOfSamePerson(manager, key, receivedOn));
      const acceptBy = acceptanceDeadline(this.calendar, receivedOn);
      const routed = await this.routing.routeIn(manager, { kind: input.kind, policeType: input.policeType, unitCode });
      const c = await this.complaints.insert(manager, {
        number: complaintNumber(receivedOn, await this.complaints.nextSerial(manager)),
        channel: input.channel,
        channelReference: input.channelReference?.trim() || null,
        complainantName: input.complainantName.trim(),
        complainantIdNumber: idNumber,
        complainantPhone: key.complainantPhone,
        content: input.content.trim(),
        policeType: input.policeType,
        unitCode,
        handlingUnitCode: routed.handlingUnitCode,
        routingVersion: routed.version,
        routingRule: routed.rule.label,
        officerUsername,
        officerName: input.officerName?.trim() || null,
        kind: input.kind,
        applicationNumber: key.applicationNumber,
        firstInquiryNumber: input.firstInquiryNumber?.trim().toUpperCase() || null,
        status: 'RECEIVED',
        repeatOf,
        receivedOn,
        receivedUnitCode: opts.receivedUnitCode ?? actor.unitCode,
        receivedBy: actor.username,
        acceptanceDeadline: acceptBy,
        acceptedOn: null,
        answerDeadline: null,
        deadline: acceptBy,
        deadlineState: deadlineStateOf({ status: 'RECEIVED', deadline: acceptBy }, today),
        notAcceptedReason: null,
        extensionReason: null,
        extensionPending: false,
        extended: false,
        answerText: null,
        answerChannel: null,
        answeredOn: null,
        closedOn: null,
      });
      const acknowledged = await this.acknowledge(manager, c);
      await this.record(manager, actor, c, 'INTAKE', null, `承办单位：${policeUnitName(c.handlingUnitCode)}（分派规则第 ${routed.version} 版第 ${routed.rule.position} 条：${routed.rule.label}）`, {
        repeatOf, channelReference: c.channelReference, handlingUnitCode: c.handlingUnitCode,
        routing: { version: routed.version, position: routed.rule.position, label: routed.rule.label }, acknowledgementSms: acknowledged,
      });
      if (repeatOf) {
        // The first complaint's timeline shows the matter came again; it is still one matter.
        const first = await this.complaints.findByNumber(manager, repeatOf, WHOLE_BUREAU);
        if (first) await this.record(manager, actor, first, 'REPEATED', first.status, `同一事项再次投诉：${c.number}`, { repeat: c.number });
      }
      return c;
    });
    this.outbox.notifyCommitted();
    return saved;
  }

  /**
   * A step beside the lifecycle (e.g. a transfer to another police type for verification): on the
   * locked complaint the caller may work, the status unchanged, recorded on the timeline and
   * announced — one transaction with whatever `step` writes through the same manager.
   */
  async annotate(
    actor: Identity,
    number: string,
    action: ComplaintAction,
    step: (manager: EntityManager, c: ComplaintEntity) => Promise<{ note: string; details?: Record<string, unknown> }>,
  ): Promise<ComplaintEntity> {
    if (!isComplaintsOfficer(actor)) throw DomainException.forbidden('仅信访民警可以办理信访事项');
    const saved = await this.dataSource.transaction(async (manager) => {
      const c = await this.complaints.findByNumber(manager, number.trim().toUpperCase(), jurisdictionOf(actor), { lock: true });
      if (!c) throw new ComplaintException(Code.COMPLAINT_NOT_FOUND, `未找到信访事项 ${number}`);
      if (c.officerUsername && c.officerUsername === actor.username) throw new ComplaintException(Code.COMPLAINT_ABOUT_SELF, '该投诉指名了您本人，请交由其他民警办理（回避）');
      const { note, details } = await step(manager, c);
      await this.record(manager, actor, c, action, c.status, note, details ?? {});
      return c;
    });
    this.outbox.notifyCommitted();
    return saved;
  }

  /** A fact that reached the service about a complaint (e.g. a transfer's result), recorded in the caller's transaction; false when no such complaint. */
  async recordFact(manager: EntityManager, system: Identity, number: string, action: ComplaintAction, note: string, details: Record<string, unknown>): Promise<boolean> {
    const c = await this.complaints.findByNumber(manager, number, WHOLE_BUREAU, { lock: true });
    if (!c) return false;
    await this.record(manager, system, c, action, c.status, note, details);
    return true;
  }

  /** 受理 or 不予受理 (with the reason), within 15 days of receipt; starts the 60-day answer period. */
  async accept(actor: Identity, number: string, accept: boolean, reason?: string): Promise<ComplaintEntity> {
    return this.work(actor, number, accept ? 'ACCEPT' : 'NOT_ACCEPT', (c, today) => {
      c.decidedOn = today;
      if (accept) {
        c.acceptedOn = today;
        c.answerDeadline = answerDeadline(this.calendar, today);
        return { note: reason?.trim() || null };
      }
      c.notAcceptedReason = requireReason(reason, '不予受理的理由');
      return { note: c.notAcceptedReason };
    });
  }

  /** 答复: the answer, how it was given and when (default today). */
  async answer(actor: Identity, a: ComplaintAnswer): Promise<ComplaintEntity> {
    return this.work(actor, a.number, 'ANSWER', (c, today) => {
      const on = a.answeredOn ?? today;
      if (on > today) throw new ComplaintException(Code.DATE_IN_FUTURE, '答复日期不能晚于今天');
      c.answerText = requireReason(a.text, '答复内容');
      c.answerChannel = a.answerChannel;
      c.answeredOn = on;
      c.extensionPending = false;
      const finding = a.finding ? this.recordFinding(actor, c, a) : null;
      return { note: null, details: { answerChannel: a.answerChannel, answeredOn: on, ...finding } };
    }, (manager, c) => (a.finding ? this.deductions.applyFinding(manager, actor, c) : Promise.resolve(null)));
  }

  /** 申请延期 (+30 days): by the complaints officer, with a reason; a supervisor approves. */
  async requestExtension(actor: Identity, number: string, reason: string): Promise<ComplaintEntity> {
    return this.work(actor, number, 'REQUEST_EXTENSION', (c) => {
      if (c.extended) throw new ComplaintException(Code.COMPLAINT_EXTENSION_ALREADY_USED, '该信访事项已延期一次，不能再次延期');
      if (c.extensionPending) throw new ComplaintException(Code.EXTENSION_ALREADY_PENDING, '已有待审批的延期申请');
      c.extensionReason = requireReason(reason, '延期理由');
      c.extensionPending = true;
      return { note: c.extensionReason };
    });
  }

  /**
   * 批准延期: the supervisor of the unit; the answer period becomes 90 days from acceptance, and the
   * complainant is told: `notice` on the timeline, and an SMS with the number and the new deadline
   * requested from the counter (`complaints.v1.notification.requested`) when the phone is a mobile.
   */
  async approveExtension(actor: Identity, number: string, notice: string): Promise<ComplaintEntity> {
    return this.work(actor, number, 'APPROVE_EXTENSION', (c) => {
      if (!c.extensionPending) throw new ComplaintException(Code.EXTENSION_NOT_PENDING, '没有待审批的延期申请');
      const text = requireReason(notice, '向投诉人告知延期的内容');
      c.extensionPending = false;
      c.extended = true;
      // A reopened complaint runs on its 30-day re-examination period; the extension adds 30 days to whichever period runs.
      c.answerDeadline = c.status === 'REOPENED' ? calendarPeriodEnd(this.calendar, c.answerDeadline!, EXTENSION_DAYS) : extendedAnswerDeadline(this.calendar, c.acceptedOn!);
      return { note: text, details: { noticeToComplainant: text, answerDeadline: c.answerDeadline, smsRequested: MOBILE.test(c.complainantPhone) } };
    }, async (manager, c) => {
      if (!MOBILE.test(c.complainantPhone)) return;
      const sms: NotificationRequestedEvent = {
        notificationId: randomUUID(), phone: c.complainantPhone, template: COMPLAINT_EXTENDED_TEMPLATE,
        params: { number: c.number, deadline: chineseDate(c.answerDeadline!) }, reference: c.number, unitCode: c.unitCode,
      };
      await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), sms);
    });
  }

  /** 重新办理: the complainant disputes the answer; re-examined within 30 days. */
  async reopen(actor: Identity, number: string, reason: string): Promise<ComplaintEntity> {
    return this.work(actor, number, 'REOPEN', (c, today) => {
      const why = requireReason(reason, '投诉人不满意的理由');
      c.answerDeadline = reopenedAnswerDeadline(this.calendar, today);
      c.answerText = null;
      c.answerChannel = null;
      c.answeredOn = null;
      return { note: why, details: { reopenedOn: today } };
    });
  }

  /** 办结: an answered complaint needs its finding (given now, or at the answer; given now it replaces the earlier one). */
  async close(actor: Identity, number: string, note?: string, finding: ComplaintFindingInput = {}): Promise<ComplaintEntity> {
    return this.work(actor, number, 'CLOSE', (c, today) => {
      const answered = !!c.answeredOn;
      if (answered && !finding.finding && !c.finding) throw new ComplaintException(Code.COMPLAINT_FINDING_REQUIRED, '办结已答复的投诉须填写核查结论');
      const recorded = answered && finding.finding ? this.recordFinding(actor, c, finding) : null;
      c.closedOn = today;
      return { note: note?.trim() || null, details: { ...recorded } };
    }, (manager, c) => (c.answeredOn && finding.finding ? this.deductions.applyFinding(manager, actor, c) : Promise.resolve(null)));
  }

  /** One complaint with its personal data: checked, and audited with the caller's purpose. */
  async read(actor: Identity, number: string, purpose: string): Promise<{ complaint: ComplaintEntity; timeline: ComplaintEventEntity[] }> {
    const manager = this.dataSource.manager;
    const ref = number.trim().toUpperCase();
    let c: ComplaintEntity | null;
    try {
      c = await this.complaints.findByNumber(manager, ref, this.readScope(actor));
      if (!c) throw new ComplaintException(Code.COMPLAINT_NOT_FOUND, `未找到信访事项 ${number}`);
      this.assertMayRead(actor, c);
    } catch (e) {
      // Refused reads are audited (等保 2.0: success and failure), with what was refused and why.
      if (e instanceof DomainException) {
        await this.audit.record(actor, {
          action: 'COMPLAINT_READ', subjectType: 'COMPLAINT', subjectRef: ref, purpose: purpose.trim(), outcome: 'DENIED', details: { code: e.code },
        });
      }
      throw e;
    }
    await this.audit.record(actor, { action: 'COMPLAINT_READ', subjectType: 'COMPLAINT', subjectRef: c.number, purpose: purpose.trim(), details: { unitCode: c.unitCode } });
    return { complaint: c, timeline: await this.complaints.timeline(manager, c.id) };
  }

  /** The workbench: the caller's complaints by deadline (lists are masked; no complaint about the caller). */
  async list(actor: Identity, filter: Omit<ComplaintFilter, 'notAboutOfficer'>, page: { limit: number; offset: number }): Promise<ComplaintEntity[]> {
    if (!hasRole(actor, Role.SUPERVISOR, Role.ANALYST) && !isComplaintsOfficer(actor)) throw DomainException.forbidden('仅信访民警、督察和分析人员可以查看信访工作台');
    const scope = hasRole(actor, Role.ANALYST) ? WHOLE_BUREAU : jurisdictionOf(actor);
    return this.complaints.list(this.dataSource.manager, scope, { ...filter, notAboutOfficer: actor.username }, page);
  }

  /** A person's complaints for the citizen 360° view (city-wide, like every exact read of one person; none about the viewer). */
  async ofComplainant(viewer: Identity, idNumber: string): Promise<ComplaintEntity[]> {
    if (viewer.sub === 'anonymous') throw DomainException.unauthenticated();
    if (!hasRole(viewer, Role.CLERK, Role.OFFICER, Role.SUPERVISOR)) throw DomainException.forbidden('无权查看公民信访信息');
    const found = await this.complaints.findByComplainant(this.dataSource.manager, normalizedIdNumber(idNumber), cityScope(viewer));
    return found.filter((c) => !isAbout(c, viewer));
  }

  /** The deadline job: recompute every running complaint's state; each change on the timeline and the outbox. */
  async flagDeadlines(system: Identity): Promise<{ checked: number; changed: number }> {
    const today = this.clock.today();
    const running = await this.complaints.findOnTheClock(this.dataSource.manager);
    let changed = 0;
    for (const seen of running) {
      if (deadlineStateOf(seen, today) === seen.deadlineState) continue;
      // Re-read under lock: an officer may have answered it since the scan.
      const moved = await this.dataSource.transaction(async (manager) => {
        const c = await this.complaints.findByNumber(manager, seen.number, WHOLE_BUREAU, { lock: true });
        const state = c ? deadlineStateOf(c, today) : undefined;
        if (!c || !state || state === c.deadlineState) return false;
        const from = c.deadlineState;
        c.deadlineState = state;
        await this.complaints.updateDeadlineState(manager, c.id, state);
        await this.record(manager, system, c, 'DEADLINE_STATE', c.status, null, { from, to: state });
        return true;
      });
      if (moved) changed++;
    }
    if (changed) this.outbox.notifyCommitted();
    return { checked: running.length, changed };
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Lock, authorise, apply the lifecycle step, recompute the deadline, record and announce: one transaction. */
  private async work(
    actor: Identity,
    number: string,
    command: ComplaintCommand,
    apply: (c: ComplaintEntity, today: string) => { note: string | null; details?: Record<string, unknown> },
    after?: (manager: EntityManager, c: ComplaintEntity) => Promise<unknown>,
  ): Promise<ComplaintEntity> {
    this.assertMayRun(actor, command);
    const today = this.clock.today();
    const done = await this.dataSource.transaction(async (manager) => {
      const c = await this.complaints.findByNumber(manager, number.trim().toUpperCase(), cityScope(actor), { lock: true });
      if (!c) throw new ComplaintException(Code.COMPLAINT_NOT_FOUND, `未找到信访事项 ${number}`);
      // Clerks register a dispute city-wide (一窗通办); officers and supervisors work their own jurisdiction.
      if (isComplaintsOfficer(actor) || hasRole(actor, Role.SUPERVISOR)) {
        if (!inJurisdiction(actor, c)) throw DomainException.outOfJurisdiction();
      }
      // A complaint about the caller does not exist for them: acting on it answers as a read would (回避).
      if (isAbout(c, actor)) throw new ComplaintException(Code.COMPLAINT_NOT_FOUND, `未找到信访事项 ${number}`, { aboutSelf: true });
      const from = c.status;
      c.status = nextStatus(c.status, command);
      const { note, details } = apply(c, today);
      c.deadline = currentDeadline(c);
      c.deadlineState = deadlineStateOf(c, today);
      const saved = await this.complaints.save(manager, c);
      await this.record(manager, actor, saved, command, from, note, details ?? {});
      if (after) await after(manager, saved);
      return saved;
    });
    this.outbox.notifyCommitted();
    return done;
  }

  /**
   * 受理告知短信: the tracking number and the 15-day decision promise, through the counter's SMS
   * module (never sent here; no name, no ID number). A landline gets none: false on the timeline.
   */
  private async acknowledge(manager: EntityManager, c: ComplaintEntity): Promise<boolean> {
    if (!MOBILE.test(c.complainantPhone)) return false;
    const event = plainToInstance(NotificationRequestedEvent, {
      notificationId: `complaint-received-${c.number}`, phone: c.complainantPhone, template: 'COMPLAINT_RECEIVED',
      params: { number: c.number }, reference: c.number, unitCode: c.handlingUnitCode,
    });
    if (validateSync(event).length) throw new Error(`invalid acknowledgement notification for ${c.number}`);
    await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), event);
    return true;
  }

  private assertMayRun(actor: Identity, command: ComplaintCommand): void {
    const ok =
      command === 'APPROVE_EXTENSION' ? hasRole(actor, Role.SUPERVISOR)
      : command === 'REOPEN' ? isComplaintsOfficer(actor) || hasRole(actor, Role.CLERK)
      : isComplaintsOfficer(actor);
    if (!ok) {
      throw DomainException.forbidden(
        command === 'APPROVE_EXTENSION' ? '仅督察可以批准信访延期' : command === 'REOPEN' ? '仅窗口人员和信访民警可以登记重新办理' : '仅信访民警可以办理信访事项',
      );
    }
  }

  private readScope(actor: Identity): Jurisdiction {
    if (hasRole(actor, Role.ANALYST)) return WHOLE_BUREAU;
    if (hasRole(actor, Role.CLERK, Role.SUPERVISOR) || isComplaintsOfficer(actor)) return cityScope(actor);
    throw DomainException.forbidden('无权查看信访事项');
  }

  /**
   * Officers and supervisors read their jurisdiction; clerks (city-wide) and analysts (all) read
   * masked; nobody reads a complaint about themself — named at intake or found responsible — and
   * to the person it names it does not exist (the answer does not tell them someone complained).
   */
  private assertMayRead(actor: Identity, c: ComplaintEntity): void {
    if (isAbout(c, actor)) throw new ComplaintException(Code.COMPLAINT_NOT_FOUND, `未找到信访事项 ${c.number}`, { aboutSelf: true });
    if (hasRole(actor, Role.ANALYST, Role.CLERK)) return;
    if (!inJurisdiction(actor, c)) throw DomainException.outOfJurisdiction();
  }

  /** Check and store the finding on `c` (the responsible officer confirmed, or corrected); the details for the timeline. */
  private recordFinding(actor: Identity, c: ComplaintEntity, f: ComplaintFindingInput): Record<string, unknown> {
    const finding = f.finding!;
    const corrected = f.responsibleOfficerUsername?.trim() || null;
    const officer = isSubstantiated(finding) ? (corrected ?? c.officerUsername) : null;
    checkFinding(c.kind, finding, officer);
    if (officer && officer === actor.username) throw new ComplaintException(Code.COMPLAINT_ABOUT_SELF, '核查认定的责任民警是您本人，请交由其他民警办理（回避）');
    c.finding = finding;
    c.responsibleOfficerUsername = officer;
    c.responsibleOfficerName = officer ? (corrected ? f.responsibleOfficerName?.trim() || null : c.officerName) : null;
    return { finding, responsibleOfficerUsername: officer, responsibleOfficerCorrected: !!corrected && corrected !== c.officerUsername, findingNotApplicable: KINDS_WITHOUT_FINDING.includes(c.kind) };
  }

  private async record(
    manager: EntityManager, actor: Identity, c: ComplaintEntity, action: ComplaintAction, from: ComplaintStatus | null, note: string | null, details: Record<string, unknown>,
  ): Promise<void> {
    await this.complaints.addEvent(manager, eventRow(c, actor, action, from, note, details));
    const event: ComplaintChangedEvent = {
      number: c.number, action, status: c.status, channel: c.channel, kind: c.kind, policeType: c.policeType, unitCode: c.unitCode,
      deadline: c.deadline, deadlineState: c.deadlineState, repeatOf: c.repeatOf, applicationNumber: c.applicationNumber, extended: c.extended,
      at: new Date().toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.complaintChanged, event);
  }
}

function eventRow(c: ComplaintEntity, actor: Identity, action: ComplaintAction, from: ComplaintStatus | null, note: string | null, details: Record<string, unknown>) {
  return { complaintId: c.id, action, fromStatus: from, toStatus: c.status, actorSub: actor.sub, actorName: actor.displayName, note, details };
}

/** 2026-06-16 → 2026年6月16日 (as the SMS says it). */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The complaint names `actor`, at intake or as the responsible officer found by the check. */
function isAbout(c: ComplaintEntity, actor: Identity): boolean {
  return !!actor.username && (c.officerUsername === actor.username || c.responsibleOfficerUsername === actor.username);
}

export function normalizedIdNumber(value: string): string {
  const check = validateIdNumber(value);
  if (!check.valid) throw new ComplaintException(Code.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
  return check.normalized;
}
