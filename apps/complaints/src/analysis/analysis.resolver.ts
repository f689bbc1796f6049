import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { ComplaintAnalysisFile, ComplaintAnalysisReport } from './analysis.model.js';
import { AnalysisService } from './analysis.service.js';
import { ComplaintAnalysisArgs, ComplaintAnalysisExportArgs } from './dto/analysis.args.js';

const toReport = <T extends { byKind: { key: string; count: number }[]; byChannel: { key: string; count: number }[] }>(f: T) => ({
  ...f,
  byKind: f.byKind.map((c) => ({ kind: c.key, count: c.count })),
  byChannel: f.byChannel.map((c) => ({ channel: c.key, count: c.count })),
});

/** 信访投诉月度分析 over GraphQL: thin; scope and masking are the service's. */
@Resolver(() => ComplaintAnalysisReport)
export class AnalysisResolver {
  constructor(private readonly service: AnalysisService) {}

  @Roles(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ComplaintAnalysisReport, { description: '信访投诉月度分析：按单位和警种的类别、渠道、环比、重复投诉、超期、属实率、扣分（信访民警和督察：本辖区；分析人员：全局只读）' })
  async complaintAnalysis(@Args() args: ComplaintAnalysisArgs, @CurrentIdentity() actor: Identity): Promise<ComplaintAnalysisReport> {
    const a = await this.service.analysis(actor, args);
    return { ...a, total: toReport(a.total), byPoliceType: a.byPoliceType.map(toReport), byUnit: a.byUnit.map(toReport), groups: a.groups.map(toReport) } as ComplaintAnalysisReport;
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ComplaintAnalysisFile, { description: '导出信访投诉月度分析（Excel 或 CSV；投诉人信息脱敏；留痕审计）' })
  async complaintAnalysisExport(@Args() args: ComplaintAnalysisExportArgs, @CurrentIdentity() actor: Identity): Promise<ComplaintAnalysisFile> {
    const { format, ...q } = args;
    const file = await this.service.export(actor, q, format);
    return { fileName: file.fileName, mimeType: file.mimeType, contentBase64: file.content.toString('base64') };
  }
}
