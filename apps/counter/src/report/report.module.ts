import { Module } from '@nestjs/common';
import { CreateReportFigures1797300000000 } from './migrations/1797300000000-CreateReportFigures.js';
import { AggregateMonthlyFigures } from './monthly-figures.postgres.js';
import { MonthlyFiguresSource } from './monthly-figures.source.js';
import { ReportConsumers } from './report.handler.js';
import { ReportQueryService } from './report-query.service.js';
import { ReportResolver } from './report.resolver.js';

/** Monthly figures (月报, decision 0016) kept as incremental aggregates of the services' events. */
export const REPORT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const REPORT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateReportFigures1797300000000];

@Module({
  providers: [ReportQueryService, ReportResolver, ReportConsumers, { provide: MonthlyFiguresSource, useClass: AggregateMonthlyFigures }],
  exports: [MonthlyFiguresSource],
})
export class ReportModule {}
