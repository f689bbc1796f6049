import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { MonthlyReportExportArgs } from './dto/report-export.args.js';
import { MonthlyReportFile } from './report-export.model.js';
import { ReportExportService } from './report-export.service.js';

/** 月报导出 over GraphQL: thin; scope and audit are the service's. */
@Resolver(() => MonthlyReportFile)
export class ReportExportResolver {
  constructor(private readonly service: ReportExportService) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)
  @Query(() => MonthlyReportFile, { description: '导出月报（Excel 每个警种一张表 / CSV）：本人辖区内的单位；与 monthlyReport 同样的权限和错误' })
  async monthlyReportExport(@Args() args: MonthlyReportExportArgs, @CurrentIdentity() actor: Identity): Promise<MonthlyReportFile> {
    const f = await this.service.export(actor, args.month, args.unitCode, args.format);
    return { filename: f.filename, contentType: f.contentType, base64: f.content.toString('base64'), rowCount: f.rowCount };
  }
}
