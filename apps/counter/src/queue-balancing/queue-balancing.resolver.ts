import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { HallRepository } from './hall.repository.js';
import { QueueBalancingService } from './queue-balancing.service.js';
import type { QueueRebalanceProposalEntity } from './queue-balancing.entities.js';
import {
  DecideRebalanceInput, QueueBalancingThresholds, QueueFigures, QueueFiguresArgs, QueueRebalanceProposal, QueueRebalanceProposalPage, RebalanceProposalsArgs,
  RebalanceStatusEnum, SetBalancingThresholdsInput, StationArgs,
} from './queue-balancing.model.js';

/** 排队统计 and 忙闲调配: figures for staffing (clerks: their own hall), proposals decided by supervisors. */
@Resolver()
export class QueueBalancingResolver {
  constructor(private readonly balancing: QueueBalancingService, private readonly hall: HallRepository) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.CLERK)
  @Query(() => QueueFigures, { description: '排队统计：按时段、分组、窗口的等候时间 p50/p90、办理时长、取号数、过号数（辖区内；窗口：本所）' })
  async queueFigures(@Args() args: QueueFiguresArgs, @CurrentIdentity() actor: Identity): Promise<QueueFigures> {
    return this.balancing.figures(actor, args);
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => QueueRebalanceProposalPage, { description: '忙闲调配建议与决定记录（待决定在前）' })
  async queueRebalanceProposals(@Args() args: RebalanceProposalsArgs, @CurrentIdentity() actor: Identity): Promise<QueueRebalanceProposalPage> {
    const [rows, total] = await this.balancing.proposals(actor, args);
    return { total, items: await this.toModels(rows) };
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => [QueueRebalanceProposal], { description: '立即检查一个派出所大厅的忙闲情况，返回新提出的调配建议' })
  async evaluateQueueBalancing(@Args() args: StationArgs, @CurrentIdentity() actor: Identity): Promise<QueueRebalanceProposal[]> {
    return this.toModels((await this.balancing.evaluate(actor, args.unitCode)).created);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => QueueRebalanceProposal, { description: '采纳或不采纳调配建议（不采纳须填理由）；采纳即调配窗口' })
  async decideQueueRebalance(@Args('input') input: DecideRebalanceInput, @CurrentIdentity() actor: Identity): Promise<QueueRebalanceProposal> {
    return (await this.toModels([await this.balancing.decide(actor, input)]))[0]!;
  }

  @Roles(Role.SUPERVISOR)
  @Query(() => QueueBalancingThresholds, { description: '派出所大厅的调配阈值（未设置时为默认值）' })
  async queueBalancingThresholds(@Args() args: StationArgs, @CurrentIdentity() actor: Identity): Promise<QueueBalancingThresholds> {
    return this.balancing.thresholds(actor, args.unitCode);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => QueueBalancingThresholds, { description: '设置派出所大厅的调配阈值' })
  async setQueueBalancingThresholds(@Args('input') input: SetBalancingThresholdsInput, @CurrentIdentity() actor: Identity): Promise<QueueBalancingThresholds> {
    return this.balancing.setThresholds(actor, input);
  }

  private async toModels(rows: QueueRebalanceProposalEntity[]): Promise<QueueRebalanceProposal[]> {
    const prefixes = [...new Set(rows.map((r) => r.unitCode))];
    const names = new Map<string, string>();
    for (const p of prefixes) for (const [k, v] of await this.hall.groupNames(p)) names.set(k, v);
    return rows.map((p) => ({
      id: p.id, unitCode: p.unitCode, unitName: policeUnitName(p.unitCode), groupCode: p.groupCode, groupName: names.get(`${p.unitCode}:${p.groupCode}`) ?? p.groupCode,
      status: p.status as RebalanceStatusEnum, waiting: p.waiting, oldestWaitMinutes: p.oldestWaitMinutes, servingWindows: p.servingWindows, windows: p.windows,
      reason: p.reason, trigger: p.trigger, proposedAt: p.proposedAt, decidedAt: p.decidedAt ?? undefined, decidedByName: p.decidedByName ?? undefined,
      decisionReason: p.decisionReason ?? undefined, appliedWindowIds: p.appliedWindowIds, situationEndedAt: p.situationEndedAt ?? undefined,
    }));
  }
}
