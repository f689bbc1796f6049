import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { policeUnitName, type Identity } from '@onewindow/contracts';
import { BusinessClock } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { lineOrder } from './call-order.js';
import type { QueueServiceGroupEntity, QueueTicketEntity } from './queue.entities.js';
import { toTicket, toWindow, type TicketLookups } from './queue.mapper.js';
import type { HallDisplay, QueueHall, QueueKiosk, QueueServiceGroup, QueueWindow } from './queue.model.js';
import { QueueRepository } from './queue.repository.js';
import { assertHallAccess, assertStation, defaultStation } from './queue-station.js';

const NEXT_SHOWN = 5;

/** Reads of the hall: the clerk's desk, the clerk's own window, the public kiosk and hall display. */
@Injectable()
export class QueueHallService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly repo: QueueRepository, private readonly clock: BusinessClock) {}

  async hall(actor: Identity, unitCode?: string): Promise<QueueHall> {
    const station = defaultStation(actor, unitCode);
    assertHallAccess(actor, station);
    const m = this.dataSource.manager;
    const businessDate = this.clock.today();
    const [groups, setting, reasons, windows, waiting, atWindows, counts] = await Promise.all([
      this.repo.groups(station, m), this.repo.setting(station, m), this.repo.priorityReasons(m), this.repo.windows(station, m),
      this.repo.waiting(station, businessDate, m), this.repo.atWindows(station, businessDate, m), this.repo.waitingCounts(station, businessDate, m),
    ]);
    const lookups = this.lookups(groups, reasons, windows);
    const current = new Map(atWindows.map((t) => [t.id, t]));
    return {
      unitCode: station, unitName: policeUnitName(station), businessDate, setting,
      groups: this.groupLines(groups, waiting, counts),
      windows: windows.map((w) => toWindow(w, actor.sub, w.currentTicketId ? current.get(w.currentTicketId) : undefined, lookups)),
      waiting: waiting.map((t) => toTicket(t, lookups)),
      priorityReasons: reasons.map((r) => ({ code: r.code, label: r.label, selectable: r.selectable })),
    };
  }

  /** The window the clerk is signed in at, with its current ticket (null when not signed in). */
  async myWindow(actor: Identity): Promise<{ window: QueueWindow; maxRecalls: number; waiting: number } | null> {
    const m = this.dataSource.manager;
    const w = await this.repo.findWindowOfClerk(actor.sub, m);
    if (!w) return null;
    const [groups, reasons, windows, setting, counts] = await Promise.all([
      this.repo.groups(w.unitCode, m), this.repo.priorityReasons(m), this.repo.windows(w.unitCode, m), this.repo.setting(w.unitCode, m),
      this.repo.waitingCounts(w.unitCode, this.clock.today(), m),
    ]);
    const current = w.currentTicketId ? ((await this.repo.findTicket(w.currentTicketId, m)) ?? undefined) : undefined;
    const waiting = [...counts.entries()].filter(([g]) => w.servesAll || w.groupCodes.includes(g)).reduce((n, [, c]) => n + c.waiting, 0);
    return { window: toWindow(w, actor.sub, current, this.lookups(groups, reasons, windows)), maxRecalls: setting.maxRecalls, waiting };
  }

  async kiosk(unitCode: string): Promise<QueueKiosk> {
    const station = assertStation(unitCode);
    const m = this.dataSource.manager;
    const businessDate = this.clock.today();
    const [groups, reasons, counts, setting] = await Promise.all([
      this.repo.groups(station, m), this.repo.priorityReasons(m), this.repo.waitingCounts(station, businessDate, m), this.repo.setting(station, m),
    ]);
    return {
      unitCode: station, unitName: policeUnitName(station), businessDate, notifyAhead: setting.notifyAhead,
      groups: this.groupLines(groups, [], counts),
      priorityReasons: reasons.filter((r) => r.selectable).map((r) => ({ code: r.code, label: r.label, selectable: true })),
    };
  }

  /** 大厅叫号屏: numbers and window numbers only — no names, no phones. */
  async hallDisplay(unitCode: string): Promise<HallDisplay> {
    const station = assertStation(unitCode);
    const m = this.dataSource.manager;
    const businessDate = this.clock.today();
    const [groups, windows, waiting, atWindows, counts] = await Promise.all([
      this.repo.groups(station, m), this.repo.windows(station, m), this.repo.waiting(station, businessDate, m), this.repo.atWindows(station, businessDate, m),
      this.repo.waitingCounts(station, businessDate, m),
    ]);
    const byId = new Map(atWindows.map((t) => [t.id, t]));
    const groupName = new Map(groups.map((g) => [g.code, g.name]));
    return {
      unitCode: station, unitName: policeUnitName(station), businessDate,
      calls: atWindows.filter((t) => t.windowNumber !== null && t.calledAt).map((t) => ({ ticketId: t.id, number: t.number, windowNumber: t.windowNumber!, calledAt: t.calledAt!, recallCount: t.recallCount })),
      windows: windows.filter((w) => w.state !== 'CLOSED').map((w) => ({
        number: w.number, state: w.state as never, currentNumber: w.currentTicketId ? byId.get(w.currentTicketId)?.number : undefined,
        groupNames: w.servesAll ? ['全部业务'] : w.groupCodes.map((c) => groupName.get(c) ?? c),
      })),
      groups: this.groupLines(groups, waiting, counts),
    };
  }

  private lookups(groups: QueueServiceGroupEntity[], reasons: { code: string; label: string }[], windows: { id: string; number: number }[]): TicketLookups {
    return {
      groups: new Map(groups.map((g) => [g.code, g])),
      reasons: new Map(reasons.map((r) => [r.code, r as never])),
      windowNumbers: new Map(windows.map((w) => [w.id, w.number])),
    };
  }

  /** Each group's line: counts (all of today's waiting) and its next numbers in call order (from the first page of the line). */
  private groupLines(groups: QueueServiceGroupEntity[], waiting: QueueTicketEntity[], counts: Map<string, { waiting: number; priority: number }>): QueueServiceGroup[] {
    return groups.map((g) => {
      const line = waiting.filter((t) => t.groupCode === g.code && !t.targetWindowId);
      const order = [...line.filter((t) => t.priority).sort(lineOrder), ...line.filter((t) => !t.priority).sort(lineOrder)];
      return {
        code: g.code, prefix: g.prefix, name: g.name, policeTypes: g.policeTypes, itemCodes: g.itemCodes,
        waiting: counts.get(g.code)?.waiting ?? 0, priorityWaiting: counts.get(g.code)?.priority ?? 0,
        nextNumbers: order.slice(0, NEXT_SHOWN).map((t) => t.number),
      };
    });
  }
}
