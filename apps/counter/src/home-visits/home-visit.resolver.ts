import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, maskerFor, Roles } from '@onewindow/platform';
import type { HomeVisitEntity } from './home-visit.entities.js';
import {
  AssignHomeVisitInput, CommunityOfficer, HomeVisit, HomeVisitArgs, HomeVisitPage, HomeVisitReasonEnum, HomeVisitsArgs, HomeVisitStatusEnum, RecordHomeVisitOutcomeInput,
  RequestHomeVisitInput, ScheduleHomeVisitInput,
} from './home-visit.model.js';
import { HomeVisitService } from './home-visit.service.js';

/** 上门服务: the window requests and assigns, the community officer schedules and records the outcome, the supervisor watches. */
@Resolver()
export class HomeVisitResolver {
  constructor(private readonly visits: HomeVisitService) {}

  @Roles(Role.CLERK)
  @Mutation(() => HomeVisit, { description: '登记上门服务申请（本所窗口；期限按城区/农村自动计算）' })
  async requestHomeVisit(@Args('input') input: RequestHomeVisitInput, @CurrentIdentity() actor: Identity): Promise<HomeVisit> {
    return toHomeVisit(await this.visits.request(actor, input), false);
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Mutation(() => HomeVisit, { description: '派单或改派给本所社区民警' })
  async assignHomeVisit(@Args('input') input: AssignHomeVisitInput, @CurrentIdentity() actor: Identity): Promise<HomeVisit> {
    return toHomeVisit(await this.visits.assign(actor, input), true);
  }

  @Roles(Role.OFFICER)
  @Mutation(() => HomeVisit, { description: '预约（或改约）上门时间（承接的社区民警）' })
  async scheduleHomeVisit(@Args('input') input: ScheduleHomeVisitInput, @CurrentIdentity() actor: Identity): Promise<HomeVisit> {
    return toHomeVisit(await this.visits.schedule(actor, input), true);
  }

  @Roles(Role.OFFICER)
  @Mutation(() => HomeVisit, { description: '登记上门结果：已上门受理（关联申请编号）或无法上门（原因）' })
  async recordHomeVisitOutcome(@Args('input') input: RecordHomeVisitOutcomeInput, @CurrentIdentity() actor: Identity): Promise<HomeVisit> {
    return toHomeVisit(await this.visits.recordOutcome(actor, input), true);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => HomeVisitPage, { description: '上门服务列表（个人信息脱敏；超期在前）' })
  async homeVisits(@Args() args: HomeVisitsArgs, @CurrentIdentity() actor: Identity): Promise<HomeVisitPage> {
    const { rows, total, overdue } = await this.visits.list(actor, args);
    return { total, overdue, items: rows.map((r) => toHomeVisit(r, true)) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => HomeVisit, { description: '一件上门服务的完整信息（含姓名、身份证号码、电话、地址；每次查看留痕审计）' })
  async homeVisit(@Args() args: HomeVisitArgs, @CurrentIdentity() actor: Identity): Promise<HomeVisit> {
    return toHomeVisit(await this.visits.read(actor, args.id, args.purpose), false);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => [CommunityOfficer], { description: '辖区内社区民警名录（派单用）' })
  async communityOfficers(@CurrentIdentity() actor: Identity): Promise<CommunityOfficer[]> {
    return (await this.visits.officers(actor)).map((o) => ({ account: o.account, name: o.name, unitCode: o.unitCode, area: o.area, openVisits: o.openVisits }));
  }
}

/** Lists and mutation answers are masked; only the audited `homeVisit` read (and the request's own answer to its clerk) is full. */
export function toHomeVisit(v: HomeVisitEntity, masked: boolean): HomeVisit {
  const m = maskerFor(!masked);
  return {
    id: v.id, number: v.number, unitCode: v.unitCode, unitName: policeUnitName(v.unitCode), unitType: v.unitType, policeType: v.policeType,
    itemCode: v.itemCode, itemName: v.itemName, citizenName: m.name(v.citizenName)!, citizenIdNumber: m.idNumber(v.citizenIdNumber),
    phone: m.phone(v.phone)!, address: masked ? maskAddress(v.address) : v.address, masked,
    reason: v.reason as HomeVisitReasonEnum, reasonNote: v.reasonNote ?? undefined, requestedOn: v.requestedOn, requestedByName: v.requestedByName,
    dueDays: v.dueDays, deadline: v.deadline, deadlineProvisional: v.deadlineProvisional, status: v.status as HomeVisitStatusEnum,
    officerAccount: v.officerAccount ?? undefined, officerName: v.officerName ?? undefined, scheduledAt: v.scheduledAt ?? undefined,
    applicationNumber: v.applicationNumber ?? undefined, outcomeNote: v.outcomeNote ?? undefined, closedOn: v.closedOn ?? undefined, overdue: v.overdue,
    history: v.history.map((h) => ({ at: h.at, actorName: h.actorName, action: h.action, note: h.note ?? undefined })),
  };
}

/** An address in a list: the first 6 characters (district, street) and the rest hidden. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}
