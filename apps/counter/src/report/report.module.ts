import { Injectable, Module } from '@nestjs/common';
import type { ReportFigureRow } from '@onewindow/contracts';
import { MonthlyFiguresSource } from './monthly-figures.source.js';

/** Monthly figures (月报) kept as incremental aggregates (placeholder: filled in by issue 10). */
export const REPORT_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const REPORT_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

/** Placeholder until the aggregates exist: no rows. */
@Injectable()
class NoFiguresYet extends MonthlyFiguresSource {
  async rows(_month: string, _unitPrefix: string): Promise<ReportFigureRow[]> {
    return [];
  }
}

@Module({
  providers: [{ provide: MonthlyFiguresSource, useClass: NoFiguresYet }],
  exports: [MonthlyFiguresSource],
})
export class ReportModule {}
