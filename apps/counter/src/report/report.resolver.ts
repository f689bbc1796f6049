import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { MonthlyReportArgs } from './dto/monthly-report.args.js';
import { MonthlyReportModel } from './report.model.js';
import { ReportQueryService } from './report-query.service.js';

@Resolver(() => MonthlyReportModel)
export class ReportResolver {
  constructor(private readonly query: ReportQueryService) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Query(() => MonthlyReportModel, {
    description: '月报: the caller\'s unit when unitCode is omitted. Roles SUPERVISOR, ANALYST (and ADMIN); scope = the caller\'s unit prefix.',
  })
  async monthlyReport(@Args() args: MonthlyReportArgs, @CurrentIdentity() actor: Identity): Promise<MonthlyReportModel> {
    return this.query.monthlyReport(actor, args.month, args.unitCode ?? null);
  }
}
