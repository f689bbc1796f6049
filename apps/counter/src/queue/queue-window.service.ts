import { Injectable } from '@nestjs/common';
import { EventSubjects, Role, type Identity, type QueueWindowAction } from '@onewindow/contracts';
import { BusinessClock, DomainException, hasRole, OutboxService } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation, TransactionRunner } from '../common/transaction-runner.js';
import type { QueueWindowEntity } from './queue.entities.js';
import { QueueErrorCode, QueueException } from './queue.exception.js';
import { windowEvent } from './queue.mapper.js';
import { QueueRepository, type StationSetting } from './queue.repository.js';
import { assertHallAccess, assertStation } from './queue-station.js';
import type { WindowState } from './ticket-state.js';

/**
 * Windows: created per station, the groups they serve (全科 = all), open / pause with a reason
 * (the hall shows 暂停服务) / close, and the clerk signed in at each (their own station only, one
 * window at a time). Every change is logged (queue_window_log) and evented with its commit.
 */
@Injectable()
export class QueueWindowService {
  constructor(
    private readonly repo: QueueRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
  ) {}

  async create(actor: Identity, input: { unitCode?: string; number: number; servesAll: boolean; groupCodes: string[] }): Promise<QueueWindowEntity> {
    const unitCode = assertStation(input.unitCode ?? actor.unitCode);
    assertHallAccess(actor, unitCode);
    try {
      return await this.tx.run(async (m) => {
        const groupCodes = await this.checkGroups(m, unitCode, input.servesAll, input.groupCodes);
        const now = this.clock.now();
        const w: QueueWindowEntity = {
          id: randomUUID(), unitCode, number: input.number, servesAll: input.servesAll, groupCodes, state: 'CLOSED', pauseReason: null, clerkSub: null,
          clerkName: null, currentTicketId: null, consecutivePriority: 0, stateChangedAt: now, version: 1, updatedAt: now,
        };
        await this.repo.insertWindow(w, m);
        await this.changed(m, w, 'CREATED', actor, now);
        return w;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new QueueException(QueueErrorCode.WINDOW_NUMBER_TAKEN, `本所已有 ${input.number} 号窗口`, { number: input.number });
      throw err;
    }
  }

  async setGroups(actor: Identity, windowId: string, servesAll: boolean, groupCodes: string[]): Promise<QueueWindowEntity> {
    return this.withWindow(actor, windowId, async (m, w, now) => {
      w.groupCodes = await this.checkGroups(m, w.unitCode, servesAll, groupCodes);
      w.servesAll = servesAll;
      await this.repo.saveWindow(w, m);
      await this.changed(m, w, 'GROUPS_CHANGED', actor, now);
    });
  }

  async open(actor: Identity, windowId: string): Promise<QueueWindowEntity> {
    return this.withWindow(actor, windowId, (m, w, now) => this.setState(m, w, 'OPEN', null, 'OPENED', actor, now));
  }

  async pause(actor: Identity, windowId: string, reason: string): Promise<QueueWindowEntity> {
    const why = reason.trim();
    if (!why) throw new QueueException(QueueErrorCode.PAUSE_REASON_REQUIRED, '暂停服务须写明原因');
    return this.withWindow(actor, windowId, async (m, w, now) => {
      if (w.state === 'CLOSED') throw new QueueException(QueueErrorCode.WINDOW_CLOSED, `${w.number} 号窗口已关闭，无需暂停`);
      await this.setState(m, w, 'PAUSED', why, 'PAUSED', actor, now);
    });
  }

  async close(actor: Identity, windowId: string): Promise<QueueWindowEntity> {
    return this.withWindow(actor, windowId, async (m, w, now) => {
      if (w.currentTicketId) throw new QueueException(QueueErrorCode.WINDOW_BUSY, '请先办结、过号或转出当前号，再关闭窗口');
      await this.setState(m, w, 'CLOSED', null, 'CLOSED', actor, now);
    });
  }

  /** A clerk signs in at a window of their own station (leaving any other window they sat at); a closed window opens. */
  async signIn(actor: Identity, windowId: string): Promise<QueueWindowEntity> {
    if (!hasRole(actor, Role.CLERK)) throw DomainException.forbidden('只有窗口工作人员可以签到');
    return this.tx.run(async (m) => {
      const w = await this.repo.findWindow(windowId, m, true);
      if (!w) throw new QueueException(QueueErrorCode.WINDOW_NOT_FOUND, '没有这个窗口');
      if (w.unitCode !== actor.unitCode) throw new QueueException(QueueErrorCode.WINDOW_OTHER_STATION, '只能在本单位大厅的窗口签到', { unitCode: w.unitCode });
      if (w.clerkSub === actor.sub) return w;
      if (w.clerkSub) throw new QueueException(QueueErrorCode.WINDOW_OCCUPIED, `${w.number} 号窗口已由${w.clerkName ?? '其他工作人员'}签到`);
      const now = this.clock.now();
      const previous = await this.repo.findWindowOfClerk(actor.sub, m, true);
      if (previous) await this.leave(m, previous, actor, now);
      w.clerkSub = actor.sub;
      w.clerkName = actor.displayName;
      if (w.state === 'CLOSED') {
        w.state = 'OPEN';
        w.stateChangedAt = now;
      }
      await this.repo.saveWindow(w, m);
      await this.changed(m, w, 'SIGNED_IN', actor, now);
      return w;
    });
  }

  /** The clerk leaves their window: it closes (refused while a ticket is at it). */
  async signOut(actor: Identity): Promise<QueueWindowEntity | null> {
    return this.tx.run(async (m) => {
      const w = await this.repo.findWindowOfClerk(actor.sub, m, true);
      if (!w) return null;
      await this.leave(m, w, actor, this.clock.now());
      return w;
    });
  }

  async saveSetting(actor: Identity, unitCode: string, setting: StationSetting): Promise<StationSetting> {
    const station = assertStation(unitCode);
    if (!hasRole(actor, Role.SUPERVISOR, Role.ADMIN)) throw DomainException.forbidden('叫号规则由督察或管理员设置');
    assertHallAccess(actor, station);
    await this.tx.run((m) => this.repo.saveSetting(station, setting, m));
    return setting;
  }

  // ---- helpers ----

  private async leave(m: EntityManager, w: QueueWindowEntity, actor: Identity, now: Date): Promise<void> {
    if (w.currentTicketId) throw new QueueException(QueueErrorCode.WINDOW_BUSY, `请先办结、过号或转出 ${w.number} 号窗口的当前号`);
    w.clerkSub = null;
    w.clerkName = null;
    w.state = 'CLOSED';
    w.pauseReason = null;
    w.stateChangedAt = now;
    await this.repo.saveWindow(w, m);
    await this.changed(m, w, 'SIGNED_OUT', actor, now);
  }

  private async withWindow(actor: Identity, windowId: string, work: (m: EntityManager, w: QueueWindowEntity, now: Date) => Promise<void>): Promise<QueueWindowEntity> {
    return this.tx.run(async (m) => {
      const w = await this.repo.findWindow(windowId, m, true);
      if (!w) throw new QueueException(QueueErrorCode.WINDOW_NOT_FOUND, '没有这个窗口');
      assertHallAccess(actor, w.unitCode);
      await work(m, w, this.clock.now());
      return w;
    });
  }

  private async setState(m: EntityManager, w: QueueWindowEntity, state: WindowState, reason: string | null, action: QueueWindowAction, actor: Identity, now: Date): Promise<void> {
    w.state = state;
    w.pauseReason = reason;
    w.stateChangedAt = now;
    if (state !== 'OPEN') w.consecutivePriority = 0;
    await this.repo.saveWindow(w, m);
    await this.changed(m, w, action, actor, now);
  }

  private async checkGroups(m: EntityManager, unitCode: string, servesAll: boolean, groupCodes: string[]): Promise<string[]> {
    const codes = [...new Set(groupCodes)];
    if (servesAll) return [];
    if (codes.length === 0) throw new QueueException(QueueErrorCode.GROUP_INVALID, '请选择窗口办理的业务分组，或设为全科窗口');
    const known = new Set((await this.repo.groups(unitCode, m)).map((g) => g.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw new QueueException(QueueErrorCode.GROUP_UNKNOWN, `没有这个业务分组：${unknown.join('、')}`, { unknown });
    return codes;
  }

  private async changed(m: EntityManager, w: QueueWindowEntity, action: QueueWindowAction, actor: Identity, at: Date): Promise<void> {
    await this.repo.logWindow({
      windowId: w.id, unitCode: w.unitCode, windowNumber: w.number, action, state: w.state, reason: w.pauseReason, clerkSub: w.clerkSub, actorSub: actor.sub, at,
    }, m);
    await this.outbox.enqueue(m, EventSubjects.queueWindowChanged, windowEvent(w, action, at));
  }
}
