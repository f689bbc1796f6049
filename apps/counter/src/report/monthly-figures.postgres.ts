import { Injectable } from '@nestjs/common';
import type { ReportFigureRow } from '@onewindow/contracts';
import { MonthlyFiguresSource } from './monthly-figures.source.js';
import { ReportQueryService } from './report-query.service.js';

/** MonthlyFiguresSource over the counter's aggregate table (station × police type × item rows, all counts). */
@Injectable()
export class AggregateMonthlyFigures extends MonthlyFiguresSource {
  constructor(private readonly query: ReportQueryService) {
    super();
  }

  rows(month: string, unitPrefix: string): Promise<ReportFigureRow[]> {
    return this.query.rows(month, unitPrefix);
  }
}
