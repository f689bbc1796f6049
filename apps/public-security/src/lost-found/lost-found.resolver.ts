import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import {
  ClaimFoundItemInput, ConfirmMatchArgs, FileLostReportInput, FoundItemArgs, LostReportArgs, RegisterFoundItemsInput, SearchFoundItemsArgs, SearchLostReportsArgs,
} from './dto/lost-found.input.js';
import { toFoundItem, toLostReport } from './lost-found.mapper.js';
import { DisposalRun, FoundItem, FoundItemBatch, FoundItemPage, LostReport, LostReportPage } from './lost-found.model.js';
import { LostAndFoundService } from './lost-found.service.js';

/** 失物招领 at the window: thin — validate (global pipe), authorise, call the service, map. */
@Resolver(() => FoundItem)
export class LostFoundResolver {
  constructor(private readonly lostAndFound: LostAndFoundService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => FoundItemBatch, { description: '接收登记拾得物（环卫部门批量移交须填批次号；全部物品在一个事务内登记并发布招领公告）' })
  async registerFoundItems(@Args('input') input: RegisterFoundItemsInput, @CurrentIdentity() actor: Identity): Promise<FoundItemBatch> {
    const { batch, items } = await this.lostAndFound.registerFoundItems(actor, input);
    return {
      batchReference: batch.reference,
      handedInBy: input.handedInBy,
      handedInByName: batch.handedInByName,
      storagePlace: batch.storagePlace,
      itemCount: batch.itemCount,
      registeredByName: batch.registeredByName,
      registeredAt: new Date(batch.registeredAt).toISOString(),
      items: items.map((v) => toFoundItem(v, actor)),
    };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => FoundItemPage, { description: '查询本市招领信息（认领人、失主信息一律脱敏）' })
  async searchFoundItems(@Args() args: SearchFoundItemsArgs, @CurrentIdentity() actor: Identity): Promise<FoundItemPage> {
    const { items, total } = await this.lostAndFound.searchFoundItems(
      actor,
      { category: args.category, keyword: args.keyword, foundFrom: args.foundFrom, foundTo: args.foundTo, place: args.place, statuses: args.status, handedInBy: args.handedInBy, batchReference: args.batchReference },
      { limit: args.limit, offset: args.offset },
    );
    return { total, items: items.map((v) => toFoundItem(v, actor, { list: true })) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => FoundItem, { description: '拾得物详情及状态记录（含认领人、失主信息的，按事由留痕审计；窗口民警看到脱敏信息）' })
  async foundItem(@Args() args: FoundItemArgs, @CurrentIdentity() actor: Identity): Promise<FoundItem> {
    return toFoundItem(await this.lostAndFound.getFoundItem(actor, args.number, args.purpose), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => LostReport, { description: '失物登记（失主留手机号，比对成功后短信通知）' })
  async fileLostReport(@Args('input') input: FileLostReportInput, @CurrentIdentity() actor: Identity): Promise<LostReport> {
    return toLostReport(await this.lostAndFound.fileLostReport(actor, input), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => LostReportPage, { description: '查询本市失物登记（供比对；失主信息一律脱敏）' })
  async searchLostReports(@Args() args: SearchLostReportsArgs, @CurrentIdentity() actor: Identity): Promise<LostReportPage> {
    const { items, total } = await this.lostAndFound.searchLostReports(actor, { category: args.category, keyword: args.keyword, status: args.status }, { limit: args.limit, offset: args.offset });
    return { total, items: items.map((v) => toLostReport(v, actor, { list: true })) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => LostReport, { description: '失物登记详情（按事由留痕审计）' })
  async lostReport(@Args() args: LostReportArgs, @CurrentIdentity() actor: Identity): Promise<LostReport> {
    return toLostReport(await this.lostAndFound.getLostReport(actor, args.id, args.purpose), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => FoundItem, { description: '确认拾得物与失物登记相符：状态改为已比对，同一事务内请求综合窗口短信通知失主' })
  async confirmMatch(@Args() args: ConfirmMatchArgs, @CurrentIdentity() actor: Identity): Promise<FoundItem> {
    return toFoundItem(await this.lostAndFound.confirmMatch(actor, args.foundItemNumber, args.lostReportId), actor);
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => FoundItem, { description: '认领：核验认领人身份（须在人口信息库且未死亡注销，有失物登记身份证号的须为本人）后返还' })
  async claimFoundItem(@Args('input') input: ClaimFoundItemInput, @CurrentIdentity() actor: Identity): Promise<FoundItem> {
    return toFoundItem(await this.lostAndFound.claimFoundItem(actor, input), actor);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => DisposalRun, { description: '处理本辖区招领期满无人认领的物品（上缴国库 / 依法处理 / 移交发证机关）' })
  async disposeUnclaimed(@CurrentIdentity() actor: Identity): Promise<DisposalRun> {
    const { today, items } = await this.lostAndFound.disposeUnclaimed(actor);
    return { today, disposed: items.length, items: items.map((v) => toFoundItem(v, actor, { list: true })) };
  }
}
