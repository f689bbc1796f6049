import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addTimeLimit, WorkingCalendar } from '@onewindow/calendar';
import { checkMaterials, citizenText, computeFee } from '@onewindow/catalog';
import {
  EventSubjects, type AcceptApplicationCommand, type AcceptApplicationReply, type ApplicationSnapshot, type Identity,
  type TransitionApplicationCommand,
} from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { BusinessClock, jurisdictionOf, OutboxService, type Jurisdiction } from '@onewindow/platform';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { ApplicationEntity } from './application.entity.js';
import { CaseworkErrorCode, CaseworkException } from './casework.exception.js';
import { ApplicationRepository } from './casework.repository.js';
import { CatalogService } from './catalog.service.js';
import { deadlineStateOf, resumeDeadline } from './deadline.js';
import { POLICE_TYPE_RULES, type PoliceTypeRules } from './police-type-rules.js';
import { planTransition, TRANSITIONS } from './state-machine.js';
import { CASEWORK_OPTIONS, type CaseworkOptions } from './casework.options.js';
import { ApplicationMaterialCheckEntity } from './material-verification.entity.js';
import { verificationFallbackNote } from './material-verification.js';

/** Who the core records rules' notes as. */
const SYSTEM_ACTOR: Identity = { sub: 'system:casework', username: 'system', displayName: '系统', roles: [], unitCode: '', unitName: '' };

/**
 * The shared casework core: acceptance at the window, the lifecycle with role guards, working-day
 * deadlines with clock stops and extensions, the timeline — each state change committed together
 * with its `application.changed` event through the outbox.
 */
@Injectable()
export class CaseworkService {
  readonly calendar = WorkingCalendar.fromEnv(process.env);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASEWORK_OPTIONS) private readonly options: CaseworkOptions,
    @Inject(POLICE_TYPE_RULES) private readonly rules: PoliceTypeRules,
    private readonly applications: ApplicationRepository,
    private readonly catalog: CatalogService,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
  ) {}

  /** Window acceptance (受理). Missing required materials → the exact list, nothing written. */
  async accept(cmd: AcceptApplicationCommand, actor: Identity): Promise<AcceptApplicationReply> {
    const item = this.catalog.getItem(cmd.itemCode);
    const id = validateIdNumber(cmd.applicantIdNumber);
    if (!id.valid) throw new CaseworkException(CaseworkErrorCode.INVALID_ID_NUMBER, `申请人身份证号码无效：${id.message}`, { reason: id.reason });
    const toleratedCodes = (cmd.toleratedMaterials ?? []).map((t) => t.code);
    const check = checkMaterials(item, cmd.presentedMaterials, { tolerated: toleratedCodes });
    const today = this.clock.today();
    // Online checks (免提交) before the transaction: departments may be slow, no connection is held meanwhile.
    const verifications = check.verifiedOnline.length && this.rules.verifyMaterials
      ? await this.rules.verifyMaterials({ item, command: cmd, applicantIdNumber: id.valid ? id.normalized : cmd.applicantIdNumber, actor, today, materials: check.verifiedOnline })
      : [];
    const unverified = verifications.filter((v) => v.outcome !== 'FOUND');
    try {
      const reply = await this.dataSource.transaction(async (manager) => {
        const existing = await this.applications.findByIdempotencyKey(manager, cmd.idempotencyKey);
        if (existing) return { outcome: 'ACCEPTED' as const, application: await this.snapshot(manager, existing), replayed: true };
        // Police-type rules first: a refused applicant (e.g. deceased) is refused whatever the materials.
        const decision = await this.rules.checkAcceptance({ item, command: cmd, applicantIdNumber: id.normalized, actor, today, manager });
        if (!check.complete || unverified.length) {
          return {
            outcome: 'MISSING_MATERIALS' as const,
            missing: [
              ...check.missing.map((m) => ({ code: m.code, name: m.name, note: m.note ? citizenText(m.note) : undefined })),
              // Not found online, or the department could not answer: the citizen brings the paper (一次性告知).
              ...unverified.map((v) => {
                const m = check.verifiedOnline.find((s) => s.code === v.code);
                return { code: v.code, name: m?.name ?? v.code, note: verificationFallbackNote(v, m) };
              }),
            ],
            verifications,
          };
        }
        const tolerated = check.tolerated.map((m) => {
          const given = cmd.toleratedMaterials?.find((t) => t.code === m.code);
          if (!given || given.dueDate <= today) {
            throw new CaseworkException(CaseworkErrorCode.TOLERATED_COMMITMENT_REQUIRED, `容缺材料“${m.name}”须有书面承诺和晚于今天的补交日期`, { code: m.code });
          }
          return { code: m.code, name: m.name, commitment: given.commitment, dueDate: given.dueDate, suppliedAt: null };
        });
        const fee = computeFee(item, cmd.claimedWaivers ?? []);
        const deadline = addTimeLimit(this.calendar, today, item.promisedTimeLimit);
        const app = await this.applications.insert(manager, {
          number: await this.applications.nextNumber(manager, this.options.numberPrefix, today),
          idempotencyKey: cmd.idempotencyKey,
          itemCode: item.code,
          itemName: item.name,
          policeType: this.options.policeType,
          service: this.options.service,
          applicantIdNumber: id.normalized,
          applicantName: decision.applicantName,
          applicantPhone: decision.applicantPhone ?? null,
          status: 'ACCEPTED',
          unitCode: actor.unitCode,
          unitName: actor.unitName,
          firstInquiryOwnerSub: actor.sub,
          firstInquiryOwnerName: actor.displayName,
          acceptedAt: this.clock.now(),
          deadline: deadline.date,
          deadlineProvisional: deadline.provisional,
          deadlineState: deadlineStateOf(this.calendar, { status: 'ACCEPTED', deadline: deadline.date, clockStoppedSince: null }, today),
          clockStoppedSince: null,
          feeFen: decision.feeFen ?? fee.amountFen,
          waiverCode: decision.waiverCode ?? fee.waiver?.code ?? null,
          resultName: item.resultName,
          pickupNotice: item.pickupNotice ? citizenText(item.pickupNotice) : null,
          presentedMaterials: cmd.presentedMaterials,
          toleratedMaterials: tolerated,
          form: cmd.form,
          details: { ...(decision.details ?? {}), verifiedOnline: check.verifiedOnline.map((m) => m.code) },
          fromNoticeNumber: cmd.fromNoticeNumber ?? null,
        });
        for (const v of verifications) {
          await manager.getRepository(ApplicationMaterialCheckEntity).insert({
            applicationId: app.id, materialCode: v.code, source: v.source, outcome: v.outcome, checkedAt: new Date(v.checkedAt), reference: v.reference ?? null, detail: v.detail ?? null,
          });
        }
        await this.record(manager, app, actor, 'ACCEPT', null, app.status, null, {
          ...(verifications.length ? { onlineVerifications: verifications.map((v) => ({ code: v.code, source: v.source, outcome: v.outcome, checkedAt: v.checkedAt, reference: v.reference ?? null })) } : {}),
          deadline: app.deadline,
          timeLimit: item.promisedTimeLimit,
          tolerated: tolerated.map((t) => t.code),
          fromNoticeNumber: cmd.fromNoticeNumber ?? null,
        });
        const notes = await this.rules.afterAccept?.({ application: await this.snapshot(manager, app), item, command: cmd, actor, today, manager });
        for (const note of notes ?? []) await this.record(manager, app, SYSTEM_ACTOR, note.action, app.status, app.status, note.reason ?? null, note.details ?? {});
        return { outcome: 'ACCEPTED' as const, application: await this.announce(manager, app) };
      });
      this.outbox.notifyCommitted();
      return reply;
    } catch (err) {
      // Two windows submitting the same idempotency key at once: the loser returns the winner's result.
      if (err instanceof QueryFailedError && /idempotency_key/.test(String((err as { detail?: string }).detail ?? err.message))) {
        const existing = await this.applications.findByIdempotencyKey(this.dataSource.manager, cmd.idempotencyKey);
        if (existing) return { outcome: 'ACCEPTED', application: await this.snapshot(this.dataSource.manager, existing), replayed: true };
      }
      throw err;
    }
  }

  async transition(cmd: TransitionApplicationCommand, actor: Identity): Promise<ApplicationSnapshot> {
    const today = this.clock.today();
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const app = await this.applications.lockByNumber(manager, cmd.number, this.scopeOf(actor));
      if (!app) throw new CaseworkException(CaseworkErrorCode.APPLICATION_NOT_FOUND, `未找到办件 ${cmd.number}（或不在您的辖区）`);
      if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== app.version) {
        throw new CaseworkException(CaseworkErrorCode.VERSION_CONFLICT, '该办件已被他人更新，请刷新后重试', { current: app.version });
      }
      const before = await this.snapshot(manager, app);
      const from = app.status;
      const to = planTransition(cmd.action, from, app.policeType, actor, cmd.reason);
      const details = this.applyEffects(app, cmd, today);
      app.status = to;
      const notes = await this.rules.onTransition?.({ application: before, action: cmd.action, command: cmd, actor, today, manager });
      app.deadlineState = deadlineStateOf(this.calendar, app, today);
      await this.applications.save(manager, app);
      await this.record(manager, app, actor, cmd.action, from, to, cmd.reason ?? null, details);
      for (const note of notes ?? []) await this.record(manager, app, SYSTEM_ACTOR, note.action, to, to, note.reason ?? null, note.details ?? {});
      return this.announce(manager, app);
    });
    this.outbox.notifyCommitted();
    return snapshot;
  }

  /**
   * Append a timeline entry to an application and announce it, inside the caller's transaction
   * (e.g. a transfer's result reported back to the case). The status does not change. The caller
   * has already decided that the actor may write it: no jurisdiction check here.
   */
  async appendTimeline(
    manager: EntityManager,
    number: string,
    entry: { actor: Identity; action: string; reason?: string | null; details?: Record<string, unknown> },
  ): Promise<ApplicationSnapshot> {
    const app = await this.applications.lockByNumber(manager, number, { unitPrefix: '' });
    if (!app) throw new CaseworkException(CaseworkErrorCode.APPLICATION_NOT_FOUND, `未找到办件 ${number}`);
    await this.record(manager, app, entry.actor, entry.action, app.status, app.status, entry.reason ?? null, entry.details ?? {});
    return this.announce(manager, app);
  }

  async get(number: string, actor: Identity): Promise<ApplicationSnapshot> {
    const app = await this.applications.findByNumber(this.dataSource.manager, number, this.scopeOf(actor));
    if (!app) throw new CaseworkException(CaseworkErrorCode.APPLICATION_NOT_FOUND, `未找到办件 ${number}（或不在您的辖区）`);
    return this.snapshot(this.dataSource.manager, app);
  }

  /**
   * Scheduled job: recompute every open case's deadline state; cases that turn OVERDUE get a
   * timeline entry; every change is announced so the counter's inbox shows it.
   */
  async flagDeadlines(): Promise<{ checked: number; changed: number }> {
    const today = this.clock.today();
    const system: Identity = { sub: 'system:deadline-job', username: 'system', displayName: '系统（时限监控）', roles: [], unitCode: '', unitName: '' };
    let changed = 0;
    const open = await this.applications.findOpen(this.dataSource.manager);
    for (const candidate of open) {
      const state = deadlineStateOf(this.calendar, candidate, today);
      if (state === candidate.deadlineState) continue;
      await this.dataSource.transaction(async (manager) => {
        const app = await manager.getRepository(ApplicationEntity).findOne({ where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!app) return;
        const fresh = deadlineStateOf(this.calendar, app, today);
        if (fresh === app.deadlineState) return;
        const previous = app.deadlineState;
        app.deadlineState = fresh;
        await this.applications.save(manager, app);
        if (fresh === 'OVERDUE' || fresh === 'DUE_SOON') {
          await this.record(manager, app, system, fresh === 'OVERDUE' ? 'FLAG_OVERDUE' : 'FLAG_DUE_SOON', app.status, app.status, null, { previous, deadline: app.deadline });
        }
        await this.announce(manager, app);
        changed++;
      });
    }
    if (changed) this.outbox.notifyCommitted();
    return { checked: open.length, changed };
  }

  /** Effects of an action beyond the status change; returns timeline details. */
  private applyEffects(app: ApplicationEntity, cmd: TransitionApplicationCommand, today: string): Record<string, unknown> {
    switch (cmd.action) {
      case 'REQUEST_SUPPLEMENT':
        app.clockStoppedSince = today;
        return { clockStopped: today };
      case 'SUPPLEMENT_RECEIVED': {
        const r = resumeDeadline(this.calendar, app.deadline, app.clockStoppedSince ?? today, today);
        const previous = app.deadline;
        app.deadline = r.deadline;
        app.deadlineProvisional = app.deadlineProvisional || r.provisional;
        app.clockStoppedSince = null;
        return { clockResumed: today, pausedWorkingDays: r.pausedWorkingDays, previousDeadline: previous, deadline: app.deadline };
      }
      case 'SUPPLY_TOLERATED': {
        const t = app.toleratedMaterials.find((m) => m.code === cmd.materialCode && !m.suppliedAt);
        if (!t) throw new CaseworkException(CaseworkErrorCode.INVALID_TRANSITION, '该材料不在待补交的容缺材料中', { materialCode: cmd.materialCode });
        app.toleratedMaterials = app.toleratedMaterials.map((m) => (m === t ? { ...m, suppliedAt: new Date().toISOString() } : m));
        return { materialCode: t.code, materialName: t.name };
      }
      case 'REQUEST_EXTENSION':
        if (app.pendingExtensionDays) throw new CaseworkException(CaseworkErrorCode.EXTENSION_ALREADY_PENDING, '已有待审批的延期申请');
        if (!cmd.extensionDays) throw new CaseworkException(CaseworkErrorCode.REASON_REQUIRED, '请填写延期的工作日天数');
        app.pendingExtensionDays = cmd.extensionDays;
        app.pendingExtensionReason = cmd.reason ?? null;
        return { extensionDays: cmd.extensionDays };
      case 'APPROVE_EXTENSION': {
        if (!app.pendingExtensionDays) throw new CaseworkException(CaseworkErrorCode.EXTENSION_NOT_PENDING, '没有待审批的延期申请');
        const previous = app.deadline;
        const moved = this.calendar.addWorkingDays(app.deadline, app.pendingExtensionDays);
        const days = app.pendingExtensionDays;
        app.deadline = moved.date;
        app.deadlineProvisional = app.deadlineProvisional || moved.provisional;
        app.pendingExtensionDays = null;
        app.pendingExtensionReason = null;
        return { extensionDays: days, previousDeadline: previous, deadline: app.deadline };
      }
      case 'REJECT_EXTENSION':
        if (!app.pendingExtensionDays) throw new CaseworkException(CaseworkErrorCode.EXTENSION_NOT_PENDING, '没有待审批的延期申请');
        app.pendingExtensionDays = null;
        app.pendingExtensionReason = null;
        return {};
      case 'REJECT':
        app.rejectionReason = cmd.reason ?? null;
        return {};
      case 'DELIVER': {
        const outstanding = app.toleratedMaterials.filter((m) => !m.suppliedAt);
        if (outstanding.length) {
          throw new CaseworkException(CaseworkErrorCode.TOLERATED_MATERIAL_OUTSTANDING, `容缺材料尚未补交：${outstanding.map((m) => m.name).join('、')}`);
        }
        app.deliveryMethod = cmd.deliveryMethod ?? 'WINDOW';
        return { deliveryMethod: app.deliveryMethod };
      }
      case 'START_REVIEW':
      case 'APPROVE':
      case 'MARK_READY':
      case 'CLOSE':
      case 'WITHDRAW':
        return {};
      default: {
        const exhaustive: never = cmd.action;
        throw new Error(`unhandled action ${String(exhaustive)}`);
      }
    }
  }

  private scopeOf(actor: Identity): Jurisdiction {
    return jurisdictionOf(actor);
  }

  private async record(manager: EntityManager, app: ApplicationEntity, actor: Identity, action: string, from: string | null, to: string, reason: string | null, details: Record<string, unknown>) {
    await this.applications.appendEvent(manager, {
      applicationId: app.id,
      at: this.clock.now(),
      actorSub: actor.sub,
      actorName: actor.displayName,
      actorRoles: actor.roles.length ? actor.roles : ['SYSTEM'],
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      details,
    });
  }

  /** Snapshot + `application.changed` into the outbox, in the caller's transaction. */
  private async announce(manager: EntityManager, app: ApplicationEntity): Promise<ApplicationSnapshot> {
    const snap = await this.snapshot(manager, app);
    await this.outbox.enqueue(manager, EventSubjects.applicationChanged(this.options.service), snap);
    return snap;
  }

  async snapshot(manager: EntityManager, app: ApplicationEntity): Promise<ApplicationSnapshot> {
    const events = await this.applications.timeline(manager, app.id);
    return {
      number: app.number,
      service: app.service,
      policeType: app.policeType,
      itemCode: app.itemCode,
      itemName: app.itemName,
      applicantIdNumber: app.applicantIdNumber,
      applicantName: app.applicantName,
      applicantPhone: app.applicantPhone,
      status: app.status,
      unitCode: app.unitCode,
      unitName: app.unitName,
      firstInquiryOwnerSub: app.firstInquiryOwnerSub,
      firstInquiryOwnerName: app.firstInquiryOwnerName,
      acceptedAt: new Date(app.acceptedAt).toISOString(),
      deadline: app.deadline,
      deadlineProvisional: app.deadlineProvisional,
      deadlineState: app.deadlineState,
      clockStoppedSince: app.clockStoppedSince,
      feeFen: app.feeFen,
      waiverCode: app.waiverCode,
      deliveryMethod: app.deliveryMethod,
      resultName: app.resultName,
      pickupNotice: app.pickupNotice,
      rejectionReason: app.rejectionReason,
      presentedMaterials: app.presentedMaterials,
      toleratedMaterials: app.toleratedMaterials,
      form: app.form,
      fromNoticeNumber: app.fromNoticeNumber,
      timeline: events.map((e) => ({
        at: new Date(e.at).toISOString(),
        actorSub: e.actorSub,
        actorName: e.actorName,
        actorRoles: e.actorRoles,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        reason: e.reason,
        details: e.details,
      })),
      version: app.version,
      updatedAt: new Date(app.updatedAt ?? Date.now()).toISOString(),
    };
  }

  /** Labels for callers that render actions. */
  static actionLabel(action: string): string {
    return (TRANSITIONS as Record<string, { label: string }>)[action]?.label ?? (action === 'ACCEPT' ? '受理' : action);
  }
}
