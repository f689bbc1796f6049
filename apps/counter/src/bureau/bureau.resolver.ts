import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import type { ReportCloseEntity } from './bureau.entities.js';
import { BureauCityReport, BureauReportVersion, figuresOf, ReportCloseVersion } from './bureau.model.js';
import { BureauCityService } from './bureau-city.service.js';
import { BureauVersionsArgs, MonthArgs } from './dto/bureau.args.js';
import { MonthCloseService, reportTotal } from './month-close.service.js';

const closeOf = (r: ReportCloseEntity): ReportCloseVersion => ({
  id: r.id, districtCode: r.districtCode, districtName: policeUnitName(r.districtCode), month: r.month, version: r.version, closedAt: r.closedAt,
  closedBy: r.closedBy, rowCount: r.rowCount, pushStatus: r.pushStatus, pushAttempts: r.pushAttempts, lastPushAt: r.lastPushAt, pushError: r.pushError,
  bureauReceivedAt: r.bureauReceivedAt, figures: figuresOf(reportTotal(r.report)),
});

/** 月报报送 (district side) and 全市汇总 (bureau side) over GraphQL: thin; rules are the services'. */
@Resolver()
export class BureauResolver {
  constructor(
    private readonly close: MonthCloseService,
    private readonly city: BureauCityService,
  ) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Mutation(() => ReportCloseVersion, { description: '月报结账并报送市局：把本分局已结束月份的数字定为新版本（更正后再次结账即为下一版本），随后签名推送' })
  async closeReportMonth(@Args() args: MonthArgs, @CurrentIdentity() actor: Identity): Promise<ReportCloseVersion> {
    return closeOf(await this.close.close(actor, args.month));
  }

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Query(() => [ReportCloseVersion], { description: '本分局某月的月报版本及报送状态（新版本在前）' })
  async reportCloseVersions(@Args() args: MonthArgs, @CurrentIdentity() actor: Identity): Promise<ReportCloseVersion[]> {
    return (await this.close.versions(actor, args.month)).map(closeOf);
  }

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Query(() => BureauCityReport, { description: '全市汇总（市局部署）：各分局最新报送版本和全市合计' })
  async bureauCityReport(@Args() args: MonthArgs, @CurrentIdentity() actor: Identity): Promise<BureauCityReport> {
    return this.city.city(actor, args.month);
  }

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Query(() => [BureauReportVersion], { description: '市局收到的某分局某月的全部版本（新版本在前）' })
  async bureauReportVersions(@Args() args: BureauVersionsArgs, @CurrentIdentity() actor: Identity): Promise<BureauReportVersion[]> {
    return this.city.versions(actor, args.districtCode, args.month);
  }
}
