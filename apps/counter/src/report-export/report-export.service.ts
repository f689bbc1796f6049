import { Injectable } from '@nestjs/common';
import { policeUnitName, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock } from '@onewindow/platform';
import { MonthlyFiguresSource } from '../report/monthly-figures.source.js';
import { monthlyReportCsv, monthlyReportXlsx } from './report-export.builders.js';
import { checkUnitExists, reportScope } from './report-scope.js';

export const EXPORT_FORMATS = ['XLSX', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

export interface ReportFile {
  filename: string;
  contentType: string;
  content: Buffer;
  rowCount: number;
}

/** 月报导出: the scope's rows from MonthlyFiguresSource as a file; no personal data inside, the export is audited all the same. */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly figures: MonthlyFiguresSource,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
  ) {}

  async export(actor: Identity, month: string, unitCode: string | undefined, format: ExportFormat): Promise<ReportFile> {
    const scope = reportScope(actor, month, unitCode, this.clock.today());
    const rows = await this.figures.rows(scope.month, scope.unitCode);
    checkUnitExists(scope.unitCode, rows.length);
    const input = { month: scope.month, unitCode: scope.unitCode, rows };
    const content = format === 'XLSX' ? await monthlyReportXlsx(input) : monthlyReportCsv(input);
    await this.audit.record(actor, {
      action: 'MONTHLY_REPORT_EXPORT', subjectType: 'MONTHLY_REPORT', subjectRef: `${scope.month}/${scope.unitCode}`, purpose: '月报导出',
      details: { format, rows: rows.length, bytes: content.length },
    });
    return { filename: `月报-${policeUnitName(scope.unitCode)}-${scope.month}.${format.toLowerCase()}`, contentType: CONTENT_TYPES[format], content, rowCount: rows.length };
  }
}
