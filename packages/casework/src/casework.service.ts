import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addTimeLimit, WorkingCalendar } from '@onewindow/calendar';
import { checkMaterials, citizenText, computeFee, DEFAULT_MAX_EXTENSION } from '@onewindow/catalog';
import {
  EventSubjects, type AcceptApplicationCommand, type AcceptApplicationReply, type ApplicationSnapshot, type Identity, type OpenApplicationRef,
  type TransitionApplicationCommand,
} from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { BusinessClock, jurisdictionOf, OutboxService, type Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationEntity, type ApplicationEventEntity } from './application.entity.js';
import { CaseworkErrorCode, CaseworkException } from './casework.exception.js';
import { ApplicationRepository } from './casework.repository.js';
import { PoliceTypeCatalogService } from './police-type-catalog.service.js';
import { deadlineMovesOf, deadlineStateOf, replayDeadline, resumeDeadline } from './deadline.js';
import { POLICE_TYPE_RULES, type PoliceTypeRules } from './police-type-rules.js';
import { planTransition, TRANSITIONS } from './state-machine.js';
import { CASEWORK_OPTIONS, type CaseworkOptions } from './casework.options.js';
import { ApplicationMaterialCheckEntity } from './material-verification.entity.js';
import { verificationFallbackNote } from './material-verification.js';

/** JSON with object keys sorted (jsonb does not keep key order), to compare a replayed form with the stored one. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function openApplicationRef(app: ApplicationEntity): OpenApplicationRef {
  return {
    number: app.number, itemCode: app.itemCode, itemName: app.itemName, status: app.status, unitName: app.unitName,
    acceptedAt: app.acceptedAt.toISOString(), deadline: app.deadline,
  };
}

/** One timeline entry as stored (ApplicationEventEntity without its keys). */
type TimelineEntry = Pick<ApplicationEventEntity, 'at' | 'actorSub' | 'actorName' | 'actorRoles' | 'action' | 'fromStatus' | 'toStatus' | 'reason' | 'details'>;

/** Who the deadline job records its entries as. */
const DEADLINE_JOB_ACTOR: Identity = { sub: 'system:deadline-job', username: 'system', displayName: '系统（时限监控）', roles: [], unitCode: '', unitName: '' };

/** Who the core records rules' notes as. */
const SYSTEM_ACTOR: Identity = { sub: 'system:casework', username: 'system', displayName: '系统', roles: [], unitCode: '', unitName: '' };

/**
 * The shared casework core: acceptance at the window, the lifecycle with role guards, working-day
 * deadlines with clock stops and extensions, the timeline — each state change committed together
 * with its `application.changed` event through the outbox.
 */
@Injectable()
export class CaseworkService {
  constructor(
    /** The platform's working calendar (with the deployment's overrides). */
    readonly calendar: WorkingCalendar,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASEWORK_OPTIONS) private readonly options: CaseworkOptions,
    @Inject(POLICE_TYPE_RULES) private readonly rules: PoliceTypeRules,
    private readonly applications: ApplicationRepository,
    private readonly catalog: PoliceTypeCatalogService,
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
        // A double submit of the same key waits here for the first, then meets its stored row (below).
        if (item.duplicateOpenApplication !== 'ALLOW') await this.applications.lockApplicantItem(manager, id.normalized, item.code);
        // No idempotency lookup up front (decision 0039): a first submission — nearly every call —
        // would find nothing. A replay either meets its stored key at the insert (answered there) or
        // is refused on the way (its own stored application is the applicant's open one; the rules
        // refuse): the catch below answers with the stored result, as the lookup did.
        const open = item.duplicateOpenApplication === 'ALLOW' ? [] : await this.applications.findOpenOfApplicant(manager, id.normalized, item.code);
        if (open.length && item.duplicateOpenApplication === 'REFUSE') {
          const first = open[0]!;
          throw new CaseworkException(
            CaseworkErrorCode.DUPLICATE_OPEN_APPLICATION,
            `该申请人已有未办结的“${item.name}”申请（${first.number}，${first.unitName}受理，承诺办结日期 ${first.deadline}），不能重复受理`,
            { number: first.number, openApplications: open.map(openApplicationRef) },
          );
        }
        // Police-type rules first: a refused applicant (e.g. deceased) is refused whatever the materials.
        const decision = await this.rules.checkAcceptance({ item, command: cmd, applicantIdNumber: id.normalized, actor, today, manager });
        if (!check.complete || unverified.length) {
          // A replay with the materials listed differently: the stored acceptance stands.
          const existing = await this.applications.findByIdempotencyKey(manager, cmd.idempotencyKey);
          if (existing) return this.replayed(manager, existing, cmd, id.normalized);
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
        const statutory = addTimeLimit(this.calendar, today, item.statutoryTimeLimit);
        const app = await this.applications.insertUnlessKeyStored(manager, {
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
          deadlineState: deadlineStateOf(this.calendar, { status: 'ACCEPTED', deadline: deadline.date, clockStoppedSince: null, clockStopsAt: item.clockStopsAt }, today),
          clockStartedOn: today,
          promisedTimeLimit: { value: item.promisedTimeLimit.value, unit: item.promisedTimeLimit.unit },
          statutoryTimeLimit: { value: item.statutoryTimeLimit.value, unit: item.statutoryTimeLimit.unit },
          statutoryDeadline: statutory.date,
          statutoryDeadlineProvisional: statutory.provisional,
          clockStopsAt: item.clockStopsAt,
          extendedWorkingDays: 0,
          maxExtensionWorkingDays: item.maxExtension.workingDays,
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
        }, { prefix: this.options.numberPrefix, today });
        if (!app) {
          // The key was stored meanwhile or earlier (a replay that passed the checks): answer with it.
          const existing = await this.applications.findByIdempotencyKey(manager, cmd.idempotencyKey);
          if (existing) return this.replayed(manager, existing, cmd, id.normalized);
          throw new Error(`application ${cmd.idempotencyKey}: not stored, a unique value other than its idempotency key is taken`);
        }
        for (const v of verifications) {
          await manager.getRepository(ApplicationMaterialCheckEntity).insert({
            applicationId: app.id, materialCode: v.code, source: v.source, outcome: v.outcome, checkedAt: new Date(v.checkedAt), reference: v.reference ?? null, detail: v.detail ?? null,
          });
        }
        // A new application's timeline is what this transaction records: announced without reading it back (decision 0039).
        const timeline = [await this.record(manager, app, actor, 'ACCEPT', null, app.status, null, {
          ...(verifications.length ? { onlineVerifications: verifications.map((v) => ({ code: v.code, source: v.source, outcome: v.outcome, checkedAt: v.checkedAt, reference: v.reference ?? null })) } : {}),
          deadline: app.deadline,
          timeLimit: item.promisedTimeLimit,
          statutoryDeadline: app.statutoryDeadline,
          statutoryTimeLimit: item.statutoryTimeLimit,
          clockStopsAt: item.clockStopsAt,
          ...(deadline.provisional || statutory.provisional ? { provisional: true } : {}),
          tolerated: tolerated.map((t) => t.code),
          fromNoticeNumber: cmd.fromNoticeNumber ?? null,
        })];
        const notes = this.rules.afterAccept ? await this.rules.afterAccept({ application: this.snapshotOf(app, timeline), item, command: cmd, actor, today, manager }) : undefined;
        for (const note of notes ?? []) timeline.push(await this.record(manager, app, SYSTEM_ACTOR, note.action, app.status, app.status, note.reason ?? null, note.details ?? {}));
        return {
          outcome: 'ACCEPTED' as const,
          application: await this.announce(manager, app, this.snapshotOf(app, timeline)),
          ...(open.length ? { openApplications: open.map(openApplicationRef) } : {}),
        };
      });
      this.outbox.notifyCommitted();
      return reply;
    } catch (err) {
      // A key already stored (a replay, or two windows submitting it at once: the loser returns the
      // winner's result) refused before the insert: answer with the stored result.
      const existing = await this.applications.findByIdempotencyKey(this.dataSource.manager, cmd.idempotencyKey).catch(() => null);
      if (existing) return this.replayed(this.dataSource.manager, existing, cmd, id.normalized);
      throw err;
    }
  }

  /** The earlier result of this idempotency key — only for the same submission; another item, applicant or form is refused. */
  private async replayed(manager: EntityManager, existing: ApplicationEntity, cmd: AcceptApplicationCommand, applicantIdNumber: string): Promise<AcceptApplicationReply> {
    if (existing.itemCode !== cmd.itemCode || existing.applicantIdNumber !== applicantIdNumber || canonicalJson(existing.form) !== canonicalJson(cmd.form)) {
      throw new CaseworkException(CaseworkErrorCode.IDEMPOTENCY_KEY_REUSED, '该幂等键已用于另一份受理申请，请重新发起受理');
    }
    return { outcome: 'ACCEPTED', application: await this.snapshot(manager, existing), replayed: true };
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
  async flagDeadlines(): Promise<{ checked: number; changed: number; recomputed: number }> {
    const today = this.clock.today();
    const { recomputed } = await this.recomputeProvisionalDeadlines();
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
          await this.record(manager, app, DEADLINE_JOB_ACTOR, fresh === 'OVERDUE' ? 'FLAG_OVERDUE' : 'FLAG_DUE_SOON', app.status, app.status, null, { previous, deadline: app.deadline });
        }
        await this.announce(manager, app);
        changed++;
      });
    }
    if (changed) this.outbox.notifyCommitted();
    return { checked: open.length, changed, recomputed };
  }

  /**
   * A deadline computed while a year it touches had no published 放假调休 data is provisional.
   * Once the calendar has that year (a deployment loads the notice through CALENDAR_OVERRIDES_FILE
   * and restarts; the job runs at boot), replay each such open case's deadlines — acceptance date,
   * time limit, 补正 pauses and approved 延期 from its timeline — on the current calendar, and say
   * so on the timeline (DEADLINE_RECOMPUTED). A case still provisional with the same date is left alone.
   */
  async recomputeProvisionalDeadlines(): Promise<{ checked: number; recomputed: number }> {
    const today = this.clock.today();
    const candidates = await this.applications.findOpenProvisional(this.dataSource.manager);
    let recomputed = 0;
    for (const candidate of candidates) {
      const done = await this.dataSource.transaction(async (manager) => {
        const app = await manager.getRepository(ApplicationEntity).findOne({ where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!app || !app.clockStartedOn || !app.promisedTimeLimit) return false;
        if (!app.deadlineProvisional && !app.statutoryDeadlineProvisional) return false;
        const moves = deadlineMovesOf(await this.applications.timeline(manager, app.id));
        const promised = replayDeadline(this.calendar, app.clockStartedOn, app.promisedTimeLimit, moves);
        const statutory = app.statutoryTimeLimit ? replayDeadline(this.calendar, app.clockStartedOn, app.statutoryTimeLimit, moves) : null;
        const unchanged =
          promised.date === app.deadline && promised.provisional === app.deadlineProvisional &&
          (statutory === null || (statutory.date === app.statutoryDeadline && statutory.provisional === app.statutoryDeadlineProvisional));
        if (unchanged) return false;
        const before = { deadline: app.deadline, provisional: app.deadlineProvisional, statutoryDeadline: app.statutoryDeadline, statutoryProvisional: app.statutoryDeadlineProvisional };
        app.deadline = promised.date;
        app.deadlineProvisional = promised.provisional;
        if (statutory) {
          app.statutoryDeadline = statutory.date;
          app.statutoryDeadlineProvisional = statutory.provisional;
        }
        app.deadlineState = deadlineStateOf(this.calendar, app, today);
        await this.applications.save(manager, app);
        const years = this.yearsBetween(app.clockStartedOn, [before.deadline, app.deadline, before.statutoryDeadline, app.statutoryDeadline]);
        const sources = years.map((y) => this.calendar.yearSource(y)).filter((x) => x !== undefined).map((x) => `${x.year}年：${x.source}`);
        const reason = promised.provisional
          ? `放假调休安排仍未全部公布，期限仍为暂定：${before.deadline} → ${app.deadline}`
          : `已载入放假调休安排（${sources.join('；')}），重新计算办结期限：${before.deadline} → ${app.deadline}`;
        await this.record(manager, app, DEADLINE_JOB_ACTOR, 'DEADLINE_RECOMPUTED', app.status, app.status, reason, {
          previousDeadline: before.deadline,
          deadline: app.deadline,
          provisional: app.deadlineProvisional,
          previousStatutoryDeadline: before.statutoryDeadline,
          statutoryDeadline: app.statutoryDeadline,
          statutoryProvisional: app.statutoryDeadlineProvisional,
          calendarSources: sources,
        });
        await this.announce(manager, app);
        return true;
      });
      if (done) recomputed++;
    }
    if (recomputed) this.outbox.notifyCommitted();
    return { checked: candidates.length, recomputed };
  }

  private yearsBetween(start: string, ends: (string | null)[]): number[] {
    const last = Math.max(...ends.filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))));
    const years: number[] = [];
    for (let y = Number(start.slice(0, 4)); y <= last; y++) years.push(y);
    return years;
  }

  /** Effects of an action beyond the status change; returns timeline details. */
  private applyEffects(app: ApplicationEntity, cmd: TransitionApplicationCommand, today: string): Record<string, unknown> {
    switch (cmd.action) {
      case 'REQUEST_SUPPLEMENT':
        app.clockStoppedSince = today;
        return { clockStopped: today };
      case 'SUPPLEMENT_RECEIVED': {
        const since = app.clockStoppedSince ?? today;
        const r = resumeDeadline(this.calendar, app.deadline, since, today);
        const previous = app.deadline;
        app.deadline = r.deadline;
        app.deadlineProvisional = app.deadlineProvisional || r.provisional;
        if (app.statutoryDeadline) {
          const s = resumeDeadline(this.calendar, app.statutoryDeadline, since, today);
          app.statutoryDeadline = s.deadline;
          app.statutoryDeadlineProvisional = app.statutoryDeadlineProvisional || s.provisional;
        }
        app.clockStoppedSince = null;
        return { clockStoppedSince: since, clockResumed: today, pausedWorkingDays: r.pausedWorkingDays, previousDeadline: previous, deadline: app.deadline };
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
        this.assertWithinExtensionCap(app, cmd.extensionDays);
        app.pendingExtensionDays = cmd.extensionDays;
        app.pendingExtensionReason = cmd.reason ?? null;
        return { extensionDays: cmd.extensionDays };
      case 'APPROVE_EXTENSION': {
        if (!app.pendingExtensionDays) throw new CaseworkException(CaseworkErrorCode.EXTENSION_NOT_PENDING, '没有待审批的延期申请');
        this.assertWithinExtensionCap(app, app.pendingExtensionDays);
        const previous = app.deadline;
        const moved = this.calendar.addWorkingDays(app.deadline, app.pendingExtensionDays);
        const days = app.pendingExtensionDays;
        app.deadline = moved.date;
        app.deadlineProvisional = app.deadlineProvisional || moved.provisional;
        if (app.statutoryDeadline) {
          const s = this.calendar.addWorkingDays(app.statutoryDeadline, days);
          app.statutoryDeadline = s.date;
          app.statutoryDeadlineProvisional = app.statutoryDeadlineProvisional || s.provisional;
        }
        app.extendedWorkingDays = (app.extendedWorkingDays ?? 0) + days;
        app.pendingExtensionDays = null;
        app.pendingExtensionReason = null;
        return { extensionDays: days, extendedWorkingDays: app.extendedWorkingDays, previousDeadline: previous, deadline: app.deadline };
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

  /** 延期 is capped per item (行政许可法 第四十二条: 10 working days in total, unless the catalog says otherwise). */
  private assertWithinExtensionCap(app: ApplicationEntity, requested: number): void {
    const cap = app.maxExtensionWorkingDays ?? DEFAULT_MAX_EXTENSION.workingDays;
    const already = app.extendedWorkingDays ?? 0;
    if (already + requested > cap) {
      const basis = this.catalog.findItem(app.itemCode)?.maxExtension.basis ?? DEFAULT_MAX_EXTENSION.basis;
      throw new CaseworkException(
        CaseworkErrorCode.EXTENSION_LIMIT_EXCEEDED,
        cap === 0 ? `该事项不能延期（${basis}）` : `延期累计不得超过 ${cap} 个工作日（${basis}），已延期 ${already} 个工作日`,
        { requested, alreadyExtended: already, maxWorkingDays: cap, basis },
      );
    }
  }

  private scopeOf(actor: Identity): Jurisdiction {
    return jurisdictionOf(actor);
  }

  /** Appends a timeline entry; returns it as stored (details as jsonb gives them back). */
  private async record(
    manager: EntityManager, app: ApplicationEntity, actor: Identity, action: string, from: string | null, to: string, reason: string | null, details: Record<string, unknown>,
  ): Promise<TimelineEntry> {
    const entry: TimelineEntry = {
      at: this.clock.now(),
      actorSub: actor.sub,
      actorName: actor.displayName,
      actorRoles: actor.roles.length ? actor.roles : ['SYSTEM'],
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      details: JSON.parse(JSON.stringify(details ?? {})) as Record<string, unknown>,
    };
    await this.applications.appendEvent(manager, { applicationId: app.id, ...entry });
    return entry;
  }

  /** Snapshot + `application.changed` into the outbox, in the caller's transaction. */
  private async announce(manager: EntityManager, app: ApplicationEntity, current?: ApplicationSnapshot): Promise<ApplicationSnapshot> {
    const snap = current ?? (await this.snapshot(manager, app));
    await this.outbox.enqueue(manager, EventSubjects.applicationChanged(this.options.service), snap);
    return snap;
  }

  async snapshot(manager: EntityManager, app: ApplicationEntity): Promise<ApplicationSnapshot> {
    return this.snapshotOf(app, await this.applications.timeline(manager, app.id));
  }

  private snapshotOf(app: ApplicationEntity, events: readonly TimelineEntry[]): ApplicationSnapshot {
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
      promisedTimeLimit: app.promisedTimeLimit,
      statutoryTimeLimit: app.statutoryTimeLimit,
      statutoryDeadline: app.statutoryDeadline,
      statutoryDeadlineProvisional: app.statutoryDeadlineProvisional ?? false,
      clockStopsAt: app.clockStopsAt ?? 'APPROVED',
      extendedWorkingDays: app.extendedWorkingDays ?? 0,
      maxExtensionWorkingDays: app.maxExtensionWorkingDays ?? DEFAULT_MAX_EXTENSION.workingDays,
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
