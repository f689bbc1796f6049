import { REPORT_METRIC_KEYS, type ReportMetricKey } from '@onewindow/contracts';

/** The aggregate table of the monthly figures: one row per (month, unit_code, police_type, item_code). */
export const AGGREGATE_TABLE = 'report_figures';

/** `item_code` of figures that belong to no service item (SMS, complaints, evaluations, transfers). */
export const NO_ITEM = '-';

/**
 * The column of a metric. Every metric is a flow within the month except `overdueBacklog`, a stock:
 * its column holds the month's change (a difference array over months), so
 * backlog(M) = Σ overdue_backlog_delta of the months ≤ M.
 */
export function metricColumn(key: ReportMetricKey): string {
  if (key === 'overdueBacklog') return 'overdue_backlog_delta';
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const METRIC_COLUMNS: readonly { key: ReportMetricKey; column: string }[] = REPORT_METRIC_KEYS.map((key) => ({ key, column: metricColumn(key) }));

/** DDL of the aggregate table (also used for the scratch tables of a rebuild). */
export function aggregateTableDdl(table: string, options: { temporary?: boolean } = {}): string {
  const cols = METRIC_COLUMNS.map(({ column }) => `${column} integer NOT NULL DEFAULT 0`).join(',\n      ');
  return `CREATE ${options.temporary ? 'TEMPORARY ' : ''}TABLE ${table} (
      month char(7) NOT NULL,
      unit_code varchar(12) NOT NULL,
      police_type varchar(20) NOT NULL,
      item_code varchar(64) NOT NULL,
      item_name text NULL,
      ${cols},
      PRIMARY KEY (month, unit_code, police_type, item_code)
    )`;
}
