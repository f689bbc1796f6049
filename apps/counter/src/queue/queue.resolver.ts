import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { ClientIp, CurrentIdentity, Public, Roles } from '@onewindow/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueueTicketEntity, QueueWindowEntity } from './queue.entities.js';
import { toTicket, toWindow } from './queue.mapper.js';
import {
  CreateQueueWindowInput, HallDisplay, IssuedQueueTicket, MyQueueWindow, OptionalStationArgs, PauseQueueWindowInput, QueueHall, QueueKiosk, QueueStationSetting,
  QueueTicket, QueueWindow, SetQueueStationSettingInput, SetQueueWindowGroupsInput, StationArgs, TakeQueueTicketInput, TicketIdArgs, TransferQueueTicketInput, WindowIdArgs,
} from './queue.model.js';
import { QueueRepository } from './queue.repository.js';
import { QueueHallService } from './queue-hall.service.js';
import { QueueTicketService, type IssuedWithGroup } from './queue-ticket.service.js';
import { QueueWindowService } from './queue-window.service.js';

/** 排队叫号: the hall (windows, lines), the clerk's calls, the public kiosk and hall display. */
@Resolver()
export class QueueResolver {
  constructor(
    private readonly hallReads: QueueHallService,
    private readonly tickets: QueueTicketService,
    private readonly windowsOps: QueueWindowService,
    private readonly repo: QueueRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // ---- public ----

  @Public() // the hall's kiosk has no user; rate-limited per address and per phone
  @Query(() => QueueKiosk, { description: '取号机：本所业务分组、等候人数、绿色通道类别（公开）' })
  async queueKiosk(@Args() args: StationArgs): Promise<QueueKiosk> {
    return this.hallReads.kiosk(args.unitCode);
  }

  @Public() // the kiosk: rate-limited per address and per phone
  @Mutation(() => IssuedQueueTicket, { description: '取号机取号（公开）' })
  async takeQueueTicket(@Args('input') input: TakeQueueTicketInput, @ClientIp() ip?: string): Promise<IssuedQueueTicket> {
    return this.issued(await this.tickets.takeAtKiosk(input, ip), input.unitCode);
  }

  @Public() // the hall screen shows numbers and window numbers only
  @Query(() => HallDisplay, { description: '大厅叫号屏（公开，无个人信息）' })
  async hallDisplay(@Args() args: StationArgs): Promise<HallDisplay> {
    return this.hallReads.hallDisplay(args.unitCode);
  }

  // ---- the desk ----

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Query(() => QueueHall, { description: '叫号工作台：窗口状态、各分组等候（窗口：本所；督察：辖区内）' })
  async queueHall(@Args() args: OptionalStationArgs, @CurrentIdentity() actor: Identity): Promise<QueueHall> {
    return this.hallReads.hall(actor, args.unitCode);
  }

  @Roles(Role.CLERK)
  @Query(() => MyQueueWindow, { nullable: true, description: '本人签到的窗口及当前号（未签到为空）' })
  async myQueueWindow(@CurrentIdentity() actor: Identity): Promise<MyQueueWindow | null> {
    return this.hallReads.myWindow(actor);
  }

  @Roles(Role.CLERK)
  @Mutation(() => IssuedQueueTicket, { description: '窗口代取号' })
  async issueQueueTicket(@Args('input') input: TakeQueueTicketInput, @CurrentIdentity() actor: Identity): Promise<IssuedQueueTicket> {
    return this.issued(await this.tickets.takeByClerk(actor, input), input.unitCode);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => QueueWindow, { description: '新增窗口' })
  async createQueueWindow(@Args('input') input: CreateQueueWindowInput, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.create(actor, input), actor);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => QueueWindow, { description: '设置窗口办理的业务分组（全科：全部）' })
  async setQueueWindowGroups(@Args('input') input: SetQueueWindowGroupsInput, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.setGroups(actor, input.windowId, input.servesAll, input.groupCodes), actor);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => QueueWindow, { description: '开放窗口（含暂停后恢复服务）' })
  async openQueueWindow(@Args() args: WindowIdArgs, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.open(actor, args.windowId), actor);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => QueueWindow, { description: '暂停服务（须写明原因；叫号屏显示"暂停服务"）' })
  async pauseQueueWindow(@Args('input') input: PauseQueueWindowInput, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.pause(actor, input.windowId, input.reason), actor);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => QueueWindow, { description: '关闭窗口' })
  async closeQueueWindow(@Args() args: WindowIdArgs, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.close(actor, args.windowId), actor);
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueWindow, { description: '在窗口签到（仅本所窗口；关闭的窗口随之开放）' })
  async signInQueueWindow(@Args() args: WindowIdArgs, @CurrentIdentity() actor: Identity): Promise<QueueWindow> {
    return this.window(await this.windowsOps.signIn(actor, args.windowId), actor);
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueWindow, { nullable: true, description: '签退（窗口随之关闭）' })
  async signOutQueueWindow(@CurrentIdentity() actor: Identity): Promise<QueueWindow | null> {
    const w = await this.windowsOps.signOut(actor);
    return w ? this.window(w, actor) : null;
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => QueueStationSetting, { description: '设置本所叫号规则（优先号连续上限、重呼次数、短信提醒人数）' })
  async setQueueStationSetting(@Args('input') input: SetQueueStationSettingInput, @CurrentIdentity() actor: Identity): Promise<QueueStationSetting> {
    return this.windowsOps.saveSetting(actor, input.unitCode ?? actor.unitCode, { priorityCap: input.priorityCap, maxRecalls: input.maxRecalls, notifyAhead: input.notifyAhead });
  }

  // ---- calling (the clerk's own window) ----

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { nullable: true, description: '呼叫下一位（无人等候时为空）' })
  async callNextQueueTicket(@CurrentIdentity() actor: Identity): Promise<QueueTicket | null> {
    const t = await this.tickets.callNext(actor);
    return t ? this.ticket(t) : null;
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '指定叫号（本窗口办理的分组或转给本窗口的号）' })
  async callQueueTicket(@Args() args: TicketIdArgs, @CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.callTicket(actor, args.ticketId));
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '重呼当前号' })
  async recallQueueTicket(@CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.recall(actor));
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '开始办理当前号' })
  async startQueueTicket(@CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.start(actor));
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '办结当前号' })
  async finishQueueTicket(@CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.finish(actor));
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '过号（重呼达到规定次数后）' })
  async markQueueTicketNoShow(@CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.noShow(actor));
  }

  @Roles(Role.CLERK)
  @Mutation(() => QueueTicket, { description: '转窗口或转分组（保留号码和原排队位置）' })
  async transferQueueTicket(@Args('input') input: TransferQueueTicketInput, @CurrentIdentity() actor: Identity): Promise<QueueTicket> {
    return this.ticket(await this.tickets.transfer(actor, input));
  }

  // ---- mapping ----

  private async lookups(unitCode: string) {
    const m = this.dataSource.manager;
    const [groups, reasons, windows] = await Promise.all([this.repo.groups(unitCode, m), this.repo.priorityReasons(m), this.repo.windows(unitCode, m)]);
    return { groups: new Map(groups.map((g) => [g.code, g])), reasons: new Map(reasons.map((r) => [r.code, r])), windowNumbers: new Map(windows.map((w) => [w.id, w.number])) };
  }

  private async ticket(t: QueueTicketEntity): Promise<QueueTicket> {
    return toTicket(t, await this.lookups(t.unitCode));
  }

  private async window(w: QueueWindowEntity, actor: Identity): Promise<QueueWindow> {
    const current = w.currentTicketId ? ((await this.repo.findTicket(w.currentTicketId, this.dataSource.manager)) ?? undefined) : undefined;
    return toWindow(w, actor.sub, current, await this.lookups(w.unitCode));
  }

  private issued(t: IssuedWithGroup, unitCode: string): IssuedQueueTicket {
    return {
      id: t.id, number: t.number, groupCode: t.serviceGroupCode, groupName: t.groupName, unitName: policeUnitName(unitCode), ahead: t.ahead, priority: t.priority,
      priorityLabel: t.priorityLabel ?? undefined, willNotify: t.willNotify, takenAt: t.takenAt,
    };
  }
}
