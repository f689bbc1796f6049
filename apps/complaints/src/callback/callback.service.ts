import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import {
  EventSubjects, Role, ServiceName, withinJurisdiction,
  type CallbackChangedEvent, type CallbackStatus, type EvaluationRecordedEvent, type Identity, type NotificationRequestedEvent,
} from '@onewindow/contracts';
import { AuditService, BusinessClock, DomainException, hasRole, jurisdictionOf, OutboxService, SERVICE_CONFIG, WHOLE_BUREAU, type Jurisdiction } from '@onewindow/platform';

import { DataSource, type EntityManager } from 'typeorm';
import type { ComplaintsConfig } from '../config.js';
import type { EvaluationEntity } from '../evaluation/evaluation.entity.js';
import type { CallbackTaskEntity } from './callback.entity.js';
import { CallbackErrorCode as Code, CallbackException } from './callback.exception.js';
import { CallbackRepository, type CallbackTaskRow } from './callback.repository.js';
import { callbackDeadlineState, nextCallbackStatus, type CallbackCommand } from './callback.rules.js';

export type CallbackOutcome = 'RECTIFIED' | 'EXPLAINED';

/** The outcome as the evaluator reads it in the SMS (template EVALUATION_OUTCOME). */
const OUTCOME_TEXT: Record<CallbackOutcome, string> = { RECTIFIED: '已整改', EXPLAINED: '已核实并作出说明' };

/**
 * 回访核实: a bad review (不满意 / 非常不满意) opens a task for the responsible unit's supervisor:
 * call the evaluator back within 1 working day, rectify or explain within the city's configured
 * working days, tell the evaluator the outcome by SMS; a mistaken or malicious review may be voided
 * with a reason (audited; it leaves the figures). Supervisors of the unit work the tasks, the city
 * analyst reads them; nobody sees or works a task about themself.
 */
@Injectable()
export class CallbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: CallbackRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BusinessClock,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  /** Opens the task for a bad review, inside the caller's transaction (the evaluation's). */
  async open(manager: EntityManager, evaluation: EvaluationEntity): Promise<CallbackTaskEntity> {
    const today = evaluation.evaluatedOn;
    const task = await this.tasks.insert(manager, {
      evaluationId: evaluation.id,
      unitCode: evaluation.unitCode,
      officerUsername: evaluation.officerUsername,
      status: 'OPEN',
      openedOn: today,
      callbackDue: this.calendar.addWorkingDays(today, 1).date,
      resolveDue: this.calendar.addWorkingDays(today, this.config.rectifyWorkingDaysFor(evaluation.unitCode)).date,
      deadlineState: 'ON_TIME',
      callbackNote: null,
      calledBackOn: null,
      calledBackBy: null,
      resolutionNote: null,
      resolvedOn: null,
      resolvedBy: null,
      evaluatorNotified: false,
    });
    task.deadlineState = callbackDeadlineState(task, this.clock.today());
    await this.tasks.save(manager, task);
    await this.announce(manager, task);
    return task;
  }

  /** The task list: supervisors their jurisdiction, the analyst every unit (read-only); lists are masked by the model. */
  async list(actor: Identity, filter: { status?: CallbackStatus }, page: { limit: number; offset: number }): Promise<CallbackTaskRow[]> {
    return this.tasks.list(this.dataSource.manager, this.readScope(actor), { ...filter, notAboutOfficer: actor.username }, page);
  }

  /** One task with the evaluator's phone (to call back): audited with the purpose. */
  async read(actor: Identity, id: string, purpose: string): Promise<CallbackTaskRow> {
    const row = await this.tasks.findById(this.dataSource.manager, id, this.readScope(actor));
    if (!row) throw new CallbackException(Code.CALLBACK_TASK_NOT_FOUND, '未找到该回访核实任务');
    if (row.task.officerUsername === actor.username) throw new CallbackException(Code.CALLBACK_ABOUT_SELF, '该差评针对您本人，不能查看（回避）');
    await this.audit.record(actor, { action: 'CALLBACK_TASK_READ', subjectType: 'EVALUATION', subjectRef: row.evaluation.applicationNumber, purpose: purpose.trim(), details: { taskId: id, unitCode: row.task.unitCode } });
    return row;
  }

  /** 回访: the supervisor called the evaluator back. */
  async recordCallback(actor: Identity, id: string, note: string): Promise<CallbackTaskRow> {
    return this.work(actor, id, 'CALL_BACK', (row, today) => {
      row.task.callbackNote = required(note, '回访情况');
      row.task.calledBackOn = today;
      row.task.calledBackBy = actor.displayName;
    });
  }

  /** 整改 or 说明: closes the task and tells the evaluator the outcome by SMS (when a phone is known). */
  async resolve(actor: Identity, id: string, outcome: CallbackOutcome, note: string): Promise<CallbackTaskRow> {
    return this.work(actor, id, outcome === 'RECTIFIED' ? 'RECTIFY' : 'EXPLAIN', async (row, today, manager) => {
      row.task.resolutionNote = required(note, outcome === 'RECTIFIED' ? '整改情况' : '情况说明');
      row.task.resolvedOn = today;
      row.task.resolvedBy = actor.displayName;
      const phone = row.evaluation.applicantPhone;
      if (phone && /^1[3-9]\d{9}$/.test(phone)) {
        const sms: NotificationRequestedEvent = {
          notificationId: `O${row.evaluation.applicationNumber}`,
          phone,
          template: 'EVALUATION_OUTCOME',
          params: { outcome: OUTCOME_TEXT[outcome] },
          reference: row.evaluation.applicationNumber,
          unitCode: row.task.unitCode,
        };
        await this.outbox.enqueue(manager, EventSubjects.notificationRequested(ServiceName.COMPLAINTS), sms);
        row.task.evaluatorNotified = true;
      }
    });
  }

  /** 申诉核实后作废: a mistaken or malicious review leaves the figures; the reason is audited. */
  async voidReview(actor: Identity, id: string, reason: string): Promise<CallbackTaskRow> {
    return this.work(actor, id, 'VOID', async (row, _today, manager) => {
      const why = required(reason, '作废理由');
      row.evaluation.voided = true;
      row.evaluation.voidReason = why;
      row.evaluation.voidedBy = actor.displayName;
      await this.tasks.voidEvaluation(manager, row.evaluation.id, why, actor.displayName);
      row.task.resolutionNote = why;
      row.task.resolvedBy = actor.displayName;
      await this.audit.record(actor, { action: 'EVALUATION_VOIDED', subjectType: 'EVALUATION', subjectRef: row.evaluation.applicationNumber, purpose: why, details: { taskId: id, level: row.evaluation.level, officer: row.evaluation.officerUsername } }, manager);
      const event: EvaluationRecordedEvent = {
        evaluationId: row.evaluation.id, applicationNumber: row.evaluation.applicationNumber, level: row.evaluation.level, channel: row.evaluation.channel,
        unitCode: row.evaluation.unitCode, windowNo: row.evaluation.windowNo, officerUsername: row.evaluation.officerUsername,
        evaluatedOn: row.evaluation.evaluatedOn, voided: true, at: this.clock.now().toISOString(),
      };
      await this.outbox.enqueue(manager, EventSubjects.evaluationRecorded, event);
    });
  }

  /** The deadline job: callback and rectification periods flagged ON_TIME / DUE_SOON / OVERDUE. */
  async flagDeadlines(): Promise<{ checked: number; changed: number }> {
    const today = this.clock.today();
    const running = await this.tasks.findRunning(this.dataSource.manager);
    let changed = 0;
    for (const seen of running) {
      if (callbackDeadlineState(seen, today) === seen.deadlineState) continue;
      const moved = await this.dataSource.transaction(async (manager) => {
        const row = await this.tasks.findById(manager, seen.id, WHOLE_BUREAU, { lock: true });
        const state = row ? callbackDeadlineState(row.task, today) : undefined;
        if (!row || !state || state === row.task.deadlineState) return false;
        row.task.deadlineState = state;
        await this.tasks.updateDeadlineState(manager, row.task.id, state);
        await this.announce(manager, row.task);
        return true;
      });
      if (moved) changed++;
    }
    if (changed) this.outbox.notifyCommitted();
    return { checked: running.length, changed };
  }

  // ---- internals -----------------------------------------------------------------------------

  private async work(
    actor: Identity, id: string, command: CallbackCommand,
    apply: (row: CallbackTaskRow, today: string, manager: EntityManager) => void | Promise<void>,
  ): Promise<CallbackTaskRow> {
    if (!hasRole(actor, Role.SUPERVISOR)) throw DomainException.forbidden('仅督察可以办理回访核实');
    const today = this.clock.today();
    const done = await this.dataSource.transaction(async (manager) => {
      const row = await this.tasks.findById(manager, id, jurisdictionOf(actor), { lock: true });
      if (!row) throw new CallbackException(Code.CALLBACK_TASK_NOT_FOUND, '未找到该回访核实任务，或不在您的辖区');
      if (row.task.officerUsername === actor.username) throw new CallbackException(Code.CALLBACK_ABOUT_SELF, '该差评针对您本人，请交由其他督察办理（回避）');
      const to = nextCallbackStatus(row.task.status, command);
      if (!to) throw new CallbackException(Code.CALLBACK_INVALID_TRANSITION, '当前任务状态不能执行此操作', { status: row.task.status, command });
      row.task.status = to;
      await apply(row, today, manager);
      row.task.deadlineState = callbackDeadlineState(row.task, today);
      row.task = await this.tasks.save(manager, row.task);
      await this.announce(manager, row.task);
      return row;
    });
    this.outbox.notifyCommitted();
    return done;
  }

  private readScope(actor: Identity): Jurisdiction {
    if (hasRole(actor, Role.ANALYST)) return WHOLE_BUREAU;
    if (hasRole(actor, Role.SUPERVISOR)) return jurisdictionOf(actor);
    throw DomainException.forbidden('仅督察和分析人员可以查看回访核实任务');
  }

  private async announce(manager: EntityManager, t: CallbackTaskEntity): Promise<void> {
    const event: CallbackChangedEvent = {
      taskId: t.id, evaluationId: t.evaluationId, status: t.status, unitCode: t.unitCode, callbackDue: t.callbackDue, resolveDue: t.resolveDue, deadlineState: t.deadlineState,
      at: this.clock.now().toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.callbackChanged, event);
  }
}

function required(text: string | undefined, what: string): string {
  const t = text?.trim();
  if (!t) throw new CallbackException(Code.REASON_REQUIRED, `请填写${what}`);
  return t;
}

/** Whether a task is within a supervisor's jurisdiction (used by the model for action hints). */
export function worksTask(actor: Identity, unitCode: string): boolean {
  return hasRole(actor, Role.SUPERVISOR) && withinJurisdiction(jurisdictionOf(actor).unitPrefix, unitCode);
}

