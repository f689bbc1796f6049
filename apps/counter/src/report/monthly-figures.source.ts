import type { ReportFigureRow } from '@onewindow/contracts';

/**
 * Where a month's figures (月报) come from: the counter's report aggregates. The export, the
 * month close and push to the city bureau read figures only through this port, never the
 * aggregate tables themselves. `ReportModule` provides and exports the implementation.
 */
export abstract class MonthlyFiguresSource {
  /**
   * The month's rows of every station whose unit code starts with `unitPrefix` ('' = all), as the
   * figures stand now, sorted by unit code, police type, item code (nulls last). Counts only.
   */
  abstract rows(month: string, unitPrefix: string): Promise<ReportFigureRow[]>;
}
