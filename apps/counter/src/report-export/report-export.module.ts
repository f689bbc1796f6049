import { Module } from '@nestjs/common';
import { ReportModule } from '../report/report.module.js';
import { ReportExportResolver } from './report-export.resolver.js';
import { ReportExportService } from './report-export.service.js';

/** Exports of the monthly figures (月报导出): XLSX and CSV from the MonthlyFiguresSource port. */
export const REPORT_EXPORT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const REPORT_EXPORT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  imports: [ReportModule],
  providers: [ReportExportService, ReportExportResolver],
})
export class ReportExportModule {}
