import { Inject, Injectable } from '@nestjs/common';
import { EventSubjects, type Identity } from '@onewindow/contracts';
import { BusinessClock, LOGGER, OutboxService, RateLimiter, type Logger } from '@onewindow/platform';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import { SmsService } from '../sms/sms.service.js';
import { chooseNextTicket, nextConsecutivePriority } from './call-order.js';
import type { QueueServiceGroupEntity, QueueTicketEntity, QueueWindowEntity } from './queue.entities.js';
import { QueueErrorCode, QueueException } from './queue.exception.js';
import { ticketEvent } from './queue.mapper.js';
import { QueueRepository, type StationSetting } from './queue.repository.js';
import { assertStation } from './queue-station.js';
import { KIOSK_LIMITS } from './service-groups.data.js';
import { TicketIssuer, type IssuedTicket, type IssueTicketCommand } from './ticket-issuer.port.js';
import { mayMarkNoShow, mayRecall, nextTicketState, ticketNumber, type TicketStep, type TicketState } from './ticket-state.js';
import type { QueueTicketAction } from '@onewindow/contracts';

export interface TakeTicketRequest {
  unitCode: string;
  groupCode?: string;
  itemCode?: string;
  priorityReason?: string;
  notifyPhone?: string;
}

export interface IssuedWithGroup extends IssuedTicket {
  groupName: string;
  priority: boolean;
  priorityReason: string | null;
  priorityLabel: string | null;
  willNotify: boolean;
  takenAt: Date;
}

/**
 * Tickets: taking (kiosk, clerk, check-in through TicketIssuer), calling with the green-channel
 * cap, recall, start, finish, no-show, transfer. Each step, its log row and its event commit
 * together; the window a clerk sits at is locked for the step, and the tickets a call considers
 * are locked with SKIP LOCKED, so two windows never call the same ticket.
 */
@Injectable()
export class QueueTicketService extends TicketIssuer {
  constructor(
    private readonly repo: QueueRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
    private readonly rateLimiter: RateLimiter,
    private readonly catalog: CatalogIndexService,
    private readonly sms: SmsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  // ---- taking a ticket ----

  /** TicketIssuer (appointments' check-in): a ticket in the caller's transaction. */
  async issue(manager: EntityManager, command: IssueTicketCommand): Promise<IssuedTicket> {
    const issued = await this.take(manager, {
      unitCode: command.unitCode, itemCode: command.itemCode,
      priorityReason: command.priority ? (command.priorityReason ?? 'APPOINTMENT') : undefined, notifyPhone: command.notifyPhone,
    }, command.source, command.appointmentId ?? null, null);
    return { id: issued.id, number: issued.number, serviceGroupCode: issued.serviceGroupCode, ahead: issued.ahead };
  }

  /** 取号机 (public): rate-limited per client address and per phone. */
  async takeAtKiosk(request: TakeTicketRequest, clientIp: string | undefined): Promise<IssuedWithGroup> {
    return this.tx.run(async (m) => {
      await this.rateLimiter.take(m, { bucket: `queue:kiosk:ip:${clientIp ?? 'unknown'}`, ...KIOSK_LIMITS.perIp, message: '取号过于频繁，请稍后再试或咨询导办人员' });
      if (request.notifyPhone) {
        const hash = createHash('sha256').update(request.notifyPhone).digest('hex').slice(0, 32);
        await this.rateLimiter.take(m, { bucket: `queue:kiosk:phone:${request.unitCode}:${hash}`, ...KIOSK_LIMITS.perPhone, message: '该手机号今天取号次数已达上限' });
      }
      return this.take(m, request, 'KIOSK', null, null);
    });
  }

  /** 窗口代取: a clerk takes a ticket for a citizen of their own station. */
  async takeByClerk(actor: Identity, request: TakeTicketRequest): Promise<IssuedWithGroup> {
    if (actor.unitCode !== request.unitCode) throw new QueueException(QueueErrorCode.WINDOW_OTHER_STATION, '只能为本单位大厅取号', { unitCode: request.unitCode });
    return this.tx.run((m) => this.take(m, request, 'CLERK', null, actor.sub));
  }

  private async take(m: EntityManager, request: TakeTicketRequest, source: 'KIOSK' | 'CLERK' | 'APPOINTMENT', appointmentId: string | null, actorSub: string | null): Promise<IssuedWithGroup> {
    const unitCode = assertStation(request.unitCode);
    const groups = await this.repo.groups(unitCode, m);
    const group = await this.resolveGroup(groups, request);
    let priorityReason: string | null = null;
    let priorityLabel: string | null = null;
    if (request.priorityReason) {
      const reason = (await this.repo.priorityReasons(m)).find((r) => r.code === request.priorityReason);
      if (!reason || (!reason.selectable && source !== 'APPOINTMENT')) {
        throw new QueueException(QueueErrorCode.PRIORITY_REASON_UNKNOWN, '没有这个绿色通道类别', { priorityReason: request.priorityReason });
      }
      priorityReason = reason.code;
      priorityLabel = reason.label;
    }
    const businessDate = this.clock.today();
    const now = this.clock.now();
    const seq = await this.repo.nextSeq(unitCode, businessDate, group.code, m);
    const ticket: QueueTicketEntity = {
      id: randomUUID(), unitCode, businessDate, originGroupCode: group.code, groupCode: group.code, seq, number: ticketNumber(group.prefix, seq),
      itemCode: request.itemCode ?? null, priority: priorityReason !== null, priorityReason, source, appointmentId, notifyPhone: null, notifySentAt: null,
      state: 'WAITING', lineAt: now, targetWindowId: null, windowId: null, windowNumber: null, clerkSub: null, recallCount: 0, transferCount: 0,
      takenAt: now, firstCalledAt: null, calledAt: null, lastRecalledAt: null, startedAt: null, finishedAt: null, noShowAt: null, transferredAt: null,
      version: 1, updatedAt: now,
    };
    await this.repo.insertTicket(ticket, m);
    const ahead = await this.repo.aheadOf(ticket.id, m);
    const setting = await this.repo.setting(unitCode, m);
    // The phone is kept only when a text will be useful: more than the threshold ahead now.
    const willNotify = Boolean(request.notifyPhone) && ahead > setting.notifyAhead;
    if (willNotify) {
      ticket.notifyPhone = request.notifyPhone!;
      await this.repo.setNotifyPhone(ticket.id, ticket.notifyPhone, m);
    }
    await this.step(m, ticket, 'TAKEN', null, actorSub, now);
    return { id: ticket.id, number: ticket.number, serviceGroupCode: group.code, ahead, groupName: group.name, priority: ticket.priority, priorityReason, priorityLabel, willNotify, takenAt: now };
  }

  private async resolveGroup(groups: QueueServiceGroupEntity[], request: TakeTicketRequest): Promise<QueueServiceGroupEntity> {
    if (request.groupCode) {
      const g = groups.find((x) => x.code === request.groupCode);
      if (!g) throw new QueueException(QueueErrorCode.GROUP_UNKNOWN, '没有这个业务分组', { groupCode: request.groupCode });
      return g;
    }
    if (!request.itemCode) throw new QueueException(QueueErrorCode.GROUP_UNKNOWN, '请选择业务分组或办理事项');
    const byItem = groups.find((g) => g.itemCodes.includes(request.itemCode!));
    if (byItem) return byItem;
    const item = await this.catalog.findItem(request.itemCode);
    const byType = item && groups.find((g) => g.policeTypes.includes(item.policeType));
    if (!byType) throw new QueueException(QueueErrorCode.ITEM_NOT_SERVED, '本大厅没有办理该事项的业务分组', { itemCode: request.itemCode });
    return byType;
  }

  // ---- at the window ----

  /** 呼叫下一位: the best ticket this window may serve; null when nobody waits. */
  async callNext(actor: Identity): Promise<QueueTicketEntity | null> {
    return this.tx.run(async (m) => {
      const window = await this.callingWindow(actor, m);
      const setting = await this.repo.setting(window.unitCode, m);
      const businessDate = this.clock.today();
      const heads = await this.repo.callHeads({ unitCode: window.unitCode, businessDate, windowId: window.id, servesAll: window.servesAll, groupCodes: window.groupCodes }, m);
      const chosen = chooseNextTicket(heads, { consecutivePriority: window.consecutivePriority, priorityCap: setting.priorityCap });
      if (!chosen) return null;
      const ticket = (await this.repo.findTicket(chosen.id, m))!;
      return this.called(m, actor, window, ticket, setting, businessDate);
    });
  }

  /** 指定叫号: one waiting ticket of today, if this window may serve it (its groups, or transferred to it). */
  async callTicket(actor: Identity, ticketId: string): Promise<QueueTicketEntity> {
    return this.tx.run(async (m) => {
      const window = await this.callingWindow(actor, m);
      const ticket = await this.repo.findTicket(ticketId, m, true);
      const businessDate = this.clock.today();
      if (!ticket || ticket.unitCode !== window.unitCode || ticket.businessDate !== businessDate) throw new QueueException(QueueErrorCode.TICKET_NOT_FOUND, '本所今天没有这个排队号');
      if (ticket.state !== 'WAITING') throw new QueueException(QueueErrorCode.TICKET_INVALID_STATE, `${ticket.number} 不在等候中`, { state: ticket.state });
      const mayServe = ticket.targetWindowId ? ticket.targetWindowId === window.id : window.servesAll || window.groupCodes.includes(ticket.groupCode);
      if (!mayServe) throw new QueueException(QueueErrorCode.GROUP_NOT_SERVED, `${window.number} 号窗口不办理 ${ticket.number} 所在分组的业务`, { groupCode: ticket.groupCode });
      return this.called(m, actor, window, ticket, await this.repo.setting(window.unitCode, m), businessDate);
    });
  }

  private async callingWindow(actor: Identity, m: EntityManager): Promise<QueueWindowEntity> {
    const window = await this.clerkWindow(actor, m);
    if (window.state === 'PAUSED') throw new QueueException(QueueErrorCode.WINDOW_PAUSED, `${window.number} 号窗口暂停服务中，不能叫号`);
    if (window.state === 'CLOSED') throw new QueueException(QueueErrorCode.WINDOW_CLOSED, `${window.number} 号窗口已关闭，不能叫号`);
    if (window.currentTicketId) throw new QueueException(QueueErrorCode.WINDOW_BUSY, '请先办结、过号或转出当前号');
    return window;
  }

  private async called(m: EntityManager, actor: Identity, window: QueueWindowEntity, ticket: QueueTicketEntity, setting: StationSetting, businessDate: string): Promise<QueueTicketEntity> {
    {
      const now = this.clock.now();
      this.move(ticket, 'CALL');
      ticket.windowId = window.id;
      ticket.windowNumber = window.number;
      ticket.clerkSub = actor.sub;
      ticket.targetWindowId = null;
      ticket.firstCalledAt ??= now;
      ticket.calledAt = now;
      ticket.recallCount = 0;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'CALLED', window, actor.sub, now);
      window.currentTicketId = ticket.id;
      window.consecutivePriority = nextConsecutivePriority(window.consecutivePriority, ticket);
      await this.repo.saveWindow(window, m);
      await this.textThoseNearlyDue(m, window.unitCode, businessDate, setting, now);
      return ticket;
    }
  }

  /** 重呼: the current ticket once more (up to the station's max_recalls; then 过号). */
  async recall(actor: Identity): Promise<QueueTicketEntity> {
    return this.atWindow(actor, 'RECALL', async (m, window, ticket, setting, now) => {
      if (!mayRecall(ticket.recallCount, setting.maxRecalls)) throw new QueueException(QueueErrorCode.RECALL_LIMIT, `已重呼 ${ticket.recallCount} 次，群众仍未到的请按"过号"`);
      ticket.recallCount += 1;
      ticket.lastRecalledAt = now;
      ticket.calledAt = now;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'RECALLED', window, actor.sub, now);
    });
  }

  /** 开始办理: the holder is at the window. */
  async start(actor: Identity): Promise<QueueTicketEntity> {
    return this.atWindow(actor, 'START', async (m, window, ticket, _s, now) => {
      this.move(ticket, 'START');
      ticket.startedAt = now;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'STARTED', window, actor.sub, now);
    });
  }

  /** 办结: service ends (a ticket finished straight from 已呼叫 started when it was called). */
  async finish(actor: Identity): Promise<QueueTicketEntity> {
    return this.atWindow(actor, 'FINISH', async (m, window, ticket, _s, now) => {
      this.move(ticket, 'FINISH');
      ticket.startedAt ??= ticket.calledAt ?? now;
      ticket.finishedAt = now;
      ticket.notifyPhone = null;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'FINISHED', window, actor.sub, now);
      await this.release(m, window);
    });
  }

  /** 过号: the holder did not come after the configured recalls. */
  async noShow(actor: Identity): Promise<QueueTicketEntity> {
    return this.atWindow(actor, 'NO_SHOW', async (m, window, ticket, setting, now) => {
      if (!mayMarkNoShow(ticket.recallCount, setting.maxRecalls)) {
        throw new QueueException(QueueErrorCode.RECALLS_REMAINING, `须重呼 ${setting.maxRecalls} 次后才能过号（已重呼 ${ticket.recallCount} 次）`);
      }
      this.move(ticket, 'NO_SHOW');
      ticket.noShowAt = now;
      ticket.notifyPhone = null;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'NO_SHOW', window, actor.sub, now);
      await this.release(m, window);
    });
  }

  /**
   * 转窗口 / 转分组: the ticket waits again, with its number and its original place in line
   * (line_at = when it was taken), so it is called before those who came after it.
   */
  async transfer(actor: Identity, target: { windowNumber?: number; groupCode?: string }): Promise<QueueTicketEntity> {
    if ((target.windowNumber === undefined) === (target.groupCode === undefined)) {
      throw new QueueException(QueueErrorCode.TRANSFER_TARGET_INVALID, '请选择转至的窗口或业务分组（二选一）');
    }
    return this.atWindow(actor, 'TRANSFER', async (m, window, ticket, _s, now) => {
      if (target.windowNumber !== undefined) {
        const to = await this.repo.findWindowByNumber(window.unitCode, target.windowNumber, m);
        if (!to || to.id === window.id) throw new QueueException(QueueErrorCode.TRANSFER_TARGET_INVALID, '请选择本所的另一个窗口', { windowNumber: target.windowNumber });
        if (to.state === 'CLOSED') throw new QueueException(QueueErrorCode.TRANSFER_TARGET_INVALID, `${to.number} 号窗口已关闭，不能转入`, { windowNumber: to.number });
        ticket.targetWindowId = to.id;
      } else {
        const group = (await this.repo.groups(window.unitCode, m)).find((g) => g.code === target.groupCode);
        if (!group) throw new QueueException(QueueErrorCode.GROUP_UNKNOWN, '没有这个业务分组', { groupCode: target.groupCode });
        if (group.code === ticket.groupCode) throw new QueueException(QueueErrorCode.TRANSFER_TARGET_INVALID, '该号已在这个分组', { groupCode: group.code });
        ticket.groupCode = group.code;
        ticket.targetWindowId = null;
      }
      this.move(ticket, 'TRANSFER');
      ticket.transferredAt = now;
      ticket.transferCount += 1;
      ticket.recallCount = 0;
      ticket.startedAt = null;
      ticket.clerkSub = null;
      await this.repo.saveTicket(ticket, m);
      await this.step(m, ticket, 'TRANSFERRED', window, actor.sub, now);
      await this.release(m, window);
    });
  }

  // ---- helpers ----

  private async atWindow(
    actor: Identity, step: TicketStep,
    work: (m: EntityManager, window: QueueWindowEntity, ticket: QueueTicketEntity, setting: StationSetting, now: Date) => Promise<void>,
  ): Promise<QueueTicketEntity> {
    return this.tx.run(async (m) => {
      const window = await this.clerkWindow(actor, m);
      if (!window.currentTicketId) throw new QueueException(QueueErrorCode.TICKET_NOT_FOUND, '本窗口当前没有号，请先呼叫下一位');
      const ticket = await this.repo.findTicket(window.currentTicketId, m, true);
      if (!ticket) throw new QueueException(QueueErrorCode.TICKET_NOT_FOUND, '没有这个排队号');
      if (nextTicketState(ticket.state as TicketState, step) === null) {
        throw new QueueException(QueueErrorCode.TICKET_INVALID_STATE, `${ticket.number} 当前状态不能这样操作`, { state: ticket.state, step });
      }
      const setting = await this.repo.setting(window.unitCode, m);
      await work(m, window, ticket, setting, this.clock.now());
      return ticket;
    });
  }

  /** The window the clerk is signed in at, locked for this transaction. */
  private async clerkWindow(actor: Identity, m: EntityManager): Promise<QueueWindowEntity> {
    const window = await this.repo.findWindowOfClerk(actor.sub, m, true);
    if (!window) throw new QueueException(QueueErrorCode.NOT_AT_WINDOW, '您还未在窗口签到，请先在叫号工作台签到');
    return window;
  }

  private move(ticket: QueueTicketEntity, step: TicketStep): void {
    const next = nextTicketState(ticket.state as TicketState, step);
    if (!next) throw new QueueException(QueueErrorCode.TICKET_INVALID_STATE, `${ticket.number} 当前状态不能这样操作`, { state: ticket.state, step });
    ticket.state = next;
  }

  private async release(m: EntityManager, window: QueueWindowEntity): Promise<void> {
    window.currentTicketId = null;
    await this.repo.saveWindow(window, m);
  }

  private async step(m: EntityManager, ticket: QueueTicketEntity, action: QueueTicketAction, window: QueueWindowEntity | null, actorSub: string | null, at: Date): Promise<void> {
    await this.repo.logTicket({
      ticketId: ticket.id, unitCode: ticket.unitCode, businessDate: ticket.businessDate, action, groupCode: ticket.groupCode,
      windowId: window?.id ?? null, windowNumber: window?.number ?? null, actorSub, at,
    }, m);
    await this.outbox.enqueue(m, EventSubjects.queueTicketChanged, ticketEvent(ticket, action, at));
  }

  /** "前面还有 N 人": once, when a holder who asked for it has the station's threshold or fewer ahead. */
  private async textThoseNearlyDue(m: EntityManager, unitCode: string, businessDate: string, setting: StationSetting, now: Date): Promise<void> {
    for (const p of await this.repo.pendingNotices(unitCode, businessDate, m)) {
      if (p.ahead > setting.notifyAhead) continue;
      const queued = await this.sms.queueTemplateMessage(m, {
        phone: p.notifyPhone, template: 'QUEUE_AHEAD', params: { number: p.number, ahead: String(p.ahead) }, reference: `QUEUE:${p.id}`, trigger: 'QUEUE_AHEAD', unitCode,
      });
      if (!queued) this.logger.warn({ ticket: p.id }, 'queue: "前面还有 N 人" SMS not queued');
      await this.repo.markNotified(p.id, now, m);
    }
  }
}
