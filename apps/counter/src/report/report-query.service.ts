import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deriveReportRates, emptyReportMetrics, findPoliceUnit, POLICE_TYPE_LABELS, POLICE_UNITS, PoliceType, policeUnitName, REPORT_METRIC_KEYS,
  withinJurisdiction, type Identity, type ReportFigureRow, type ReportMetrics,
} from '@onewindow/contracts';
import { BusinessClock } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { AGGREGATE_TABLE, METRIC_COLUMNS, NO_ITEM } from './report-columns.js';
import { ReportErrorCode, ReportException } from './report.exception.js';
import { ReportLevel, type MonthlyReportModel, type ReportFiguresModel, type ReportLineModel } from './report.model.js';
import { addMonths, isReportMonth, monthsEndingWith } from './report-month.js';

const LEVEL_OF_LENGTH: Record<number, ReportLevel> = { 4: ReportLevel.CITY, 6: ReportLevel.DISTRICT, 9: ReportLevel.STATION };
/** Length of the unit codes one level below. */
const CHILD_LENGTH: Partial<Record<ReportLevel, number>> = { [ReportLevel.CITY]: 6, [ReportLevel.DISTRICT]: 9 };
export const NO_ITEM_LABEL = '其他（短信、投诉、评价）';

export function toFigures(m: ReportMetrics): ReportFiguresModel {
  return { ...m, ...deriveReportRates(m) };
}

/** `SUM(col) FILTER (...)` for every metric: flows of one month, the backlog as the sum of its deltas up to that month. */
function metricSums(monthParam: string, alias: string): string {
  return METRIC_COLUMNS.map(({ key, column }) =>
    key === 'overdueBacklog'
      ? `COALESCE(SUM(${column}) FILTER (WHERE month <= ${monthParam}), 0)::int AS "${alias}${key}"`
      : `COALESCE(SUM(${column}) FILTER (WHERE month = ${monthParam}), 0)::int AS "${alias}${key}"`,
  ).join(', ');
}

function metricsOf(row: Record<string, unknown>, alias: string): ReportMetrics {
  const m = emptyReportMetrics();
  for (const k of REPORT_METRIC_KEYS) m[k] = Number(row[`${alias}${k}`] ?? 0);
  return m;
}

/**
 * Reads the monthly figures (decision 0016): only the aggregate table `report_figures`, never the
 * applications or the facts. A unit's figures are the sum of the rows whose unit code starts with its
 * code; the overdue backlog is the running sum of its monthly deltas.
 */
@Injectable()
export class ReportQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: BusinessClock) {}

  async monthlyReport(actor: Identity, month: string, unitCode: string | null): Promise<MonthlyReportModel> {
    if (!isReportMonth(month)) throw new ReportException(ReportErrorCode.REPORT_MONTH_INVALID, '月份格式应为 YYYY-MM，例如 2026-11');
    if (month > this.clock.today().slice(0, 7)) throw new ReportException(ReportErrorCode.REPORT_MONTH_IN_FUTURE, `${month} 尚未到来，不能查询未来月份的月报`);
    const unit = unitCode ?? actor.unitCode;
    const level = LEVEL_OF_LENGTH[unit.length];
    if (!/^\d+$/.test(unit) || !level) {
      throw new ReportException(ReportErrorCode.REPORT_UNIT_UNKNOWN, '单位代码应为 4 位（市局）、6 位（分局）或 9 位（派出所）数字');
    }
    if (!withinJurisdiction(actor.unitCode, unit)) {
      throw new ReportException(ReportErrorCode.REPORT_OUT_OF_JURISDICTION, '该单位不在您的辖区范围内，只能查看本单位及下级单位的月报');
    }
    if (!findPoliceUnit(unit) && !(await this.anyRow(unit))) {
      throw new ReportException(ReportErrorCode.REPORT_UNIT_UNKNOWN, `未找到单位代码 ${unit}`);
    }
    const previous = addMonths(month, -1);

    const childLength = CHILD_LENGTH[level];
    const [trendRows, byPoliceType, items, unitChildren] = await Promise.all([
      this.byMonth(unit, month),
      this.policeTypeLines(unit, month, previous),
      this.itemLines(unit, month, previous),
      childLength ? this.unitLines(unit, childLength, month, previous) : Promise.resolve(null),
    ]);
    const trendMonths = monthsEndingWith(month, 12);
    const at = (m: string) => toFigures(trendRows.get(m) ?? emptyReportMetrics());
    const children = unitChildren ?? items;
    return {
      month,
      unitCode: unit,
      unitName: policeUnitName(unit),
      level,
      figures: at(month),
      previousMonth: at(previous),
      sameMonthLastYear: at(addMonths(month, -12)),
      byPoliceType,
      children,
      items,
      trend: trendMonths.map((m) => ({ month: m, figures: at(m) })),
    };
  }

  /**
   * The month's rows of every unit under `unitPrefix`, as MonthlyFiguresSource serves them: one row per
   * unit × police type × item with any figure (the backlog as it stands at month end).
   */
  async rows(month: string, unitPrefix: string): Promise<ReportFigureRow[]> {
    const prefix = safePrefix(unitPrefix);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT unit_code, police_type, item_code, MAX(item_name) AS item_name, ${metricSums('$1', '')}
         FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${prefix}%' AND month <= $1
         GROUP BY unit_code, police_type, item_code
         ORDER BY unit_code, police_type, CASE WHEN item_code = '${NO_ITEM}' THEN 1 ELSE 0 END, item_code`,
      [month],
    );
    return rows
      .map((r) => ({
        month,
        unitCode: String(r.unit_code),
        policeType: r.police_type as PoliceType,
        itemCode: r.item_code === NO_ITEM ? null : String(r.item_code),
        itemName: r.item_code === NO_ITEM ? null : ((r.item_name as string | null) ?? null),
        metrics: metricsOf(r, ''),
      }))
      .filter((r) => REPORT_METRIC_KEYS.some((k) => r.metrics[k] !== 0));
  }

  private async anyRow(unit: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${safePrefix(unit)}%' LIMIT 1`);
    return rows.length > 0;
  }

  /**
   * Figures of the whole scope for the 13 months ending with `month` (trend, previous month, same
   * month last year): flows from those months' rows, the backlog as the running sum of every earlier
   * month's change (rows with a change only, partial index).
   */
  private async byMonth(unit: string, month: string): Promise<Map<string, ReportMetrics>> {
    const prefix = safePrefix(unit);
    const first = addMonths(month, -12);
    const flows = METRIC_COLUMNS.filter(({ key }) => key !== 'overdueBacklog');
    const [flowRows, backlogRows] = await Promise.all([
      this.dataSource.query(
        `SELECT month, ${flows.map(({ key, column }) => `COALESCE(SUM(${column}), 0)::int AS "${key}"`).join(', ')}
           FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${prefix}%' AND month BETWEEN $1 AND $2 GROUP BY month`,
        [first, month],
      ) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(
        `SELECT month, SUM(overdue_backlog_delta)::int AS delta
           FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${prefix}%' AND month <= $1 AND overdue_backlog_delta <> 0 GROUP BY month ORDER BY month`,
        [month],
      ) as Promise<{ month: string; delta: number }[]>,
    ]);
    const flowByMonth = new Map(flowRows.map((r) => [String(r.month), r]));
    let backlog = 0;
    let i = 0;
    const out = new Map<string, ReportMetrics>();
    for (const m of monthsEndingWith(month, 13)) {
      while (i < backlogRows.length && String(backlogRows[i]!.month) <= m) backlog += Number(backlogRows[i++]!.delta);
      const r = flowByMonth.get(m);
      out.set(m, { ...(r ? metricsOf(r, '') : emptyReportMetrics()), overdueBacklog: backlog });
    }
    return out;
  }

  /**
   * Flows of `month` (c_) and `previous` (p_) per group, read from those two months' rows only, and
   * the backlog at the end of each, from the rows with a backlog change (partial index).
   */
  private async grouped(unit: string, groupBy: string[], month: string, previous: string): Promise<Record<string, unknown>[]> {
    const prefix = safePrefix(unit);
    const groups = groupBy.map((g, i) => `${g} AS g${i}`).join(', ');
    const groupKeys = groupBy.map((_, i) => `g${i}`).join(', ');
    const flows = METRIC_COLUMNS.filter(({ key }) => key !== 'overdueBacklog');
    const sums = (param: string, alias: string) =>
      flows.map(({ key, column }) => `COALESCE(SUM(${column}) FILTER (WHERE month = ${param}), 0)::int AS "${alias}${key}"`).join(', ');
    const [flowRows, backlogRows] = await Promise.all([
      this.dataSource.query(
        `SELECT ${groups}, MAX(item_name) AS item_name, ${sums('$1', 'c_')}, ${sums('$2', 'p_')}
           FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${prefix}%' AND month IN ($1, $2) GROUP BY ${groupKeys}`,
        [month, previous],
      ) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(
        `SELECT ${groups}, MAX(item_name) AS item_name,
                COALESCE(SUM(overdue_backlog_delta), 0)::int AS "c_overdueBacklog",
                COALESCE(SUM(overdue_backlog_delta) FILTER (WHERE month <= $2), 0)::int AS "p_overdueBacklog"
           FROM ${AGGREGATE_TABLE} WHERE unit_code LIKE '${prefix}%' AND month <= $1 AND overdue_backlog_delta <> 0 GROUP BY ${groupKeys}`,
        [month, previous],
      ) as Promise<Record<string, unknown>[]>,
    ]);
    const keyOf = (r: Record<string, unknown>) => groupBy.map((_, i) => String(r[`g${i}`])).join('|');
    const merged = new Map<string, Record<string, unknown>>();
    for (const r of flowRows) merged.set(keyOf(r), { ...r, c_overdueBacklog: 0, p_overdueBacklog: 0 });
    for (const r of backlogRows) {
      const existing = merged.get(keyOf(r));
      if (existing) {
        existing.c_overdueBacklog = r.c_overdueBacklog;
        existing.p_overdueBacklog = r.p_overdueBacklog;
        existing.item_name ??= r.item_name;
      } else {
        merged.set(keyOf(r), r);
      }
    }
    return [...merged.values()];
  }

  private async unitLines(unit: string, childLength: number, month: string, previous: string): Promise<ReportLineModel[]> {
    const rows = await this.grouped(unit, [`left(unit_code, ${childLength})`], month, previous);
    const byCode = new Map(rows.map((r) => [String(r.g0), r]));
    // Every known child unit, with or without figures, then any other unit code the events named.
    const codes = new Set<string>(POLICE_UNITS.filter((u) => u.code.length === childLength && u.code.startsWith(unit)).map((u) => u.code));
    for (const code of byCode.keys()) codes.add(code);
    return [...codes].sort().map((code) => {
      const r = byCode.get(code);
      return {
        key: code,
        label: code.length === unit.length ? `${policeUnitName(code)}（本级）` : (findPoliceUnit(code)?.shortName ?? policeUnitName(code)),
        unitCode: code,
        policeType: null,
        itemCode: null,
        figures: toFigures(r ? metricsOf(r, 'c_') : emptyReportMetrics()),
        previousMonth: toFigures(r ? metricsOf(r, 'p_') : emptyReportMetrics()),
      };
    });
  }

  private async policeTypeLines(unit: string, month: string, previous: string): Promise<ReportLineModel[]> {
    const rows = await this.grouped(unit, ['police_type'], month, previous);
    const byType = new Map(rows.map((r) => [String(r.g0), r]));
    return Object.values(PoliceType).map((pt) => {
      const r = byType.get(pt);
      return {
        key: pt,
        label: POLICE_TYPE_LABELS[pt],
        unitCode: null,
        policeType: pt,
        itemCode: null,
        figures: toFigures(r ? metricsOf(r, 'c_') : emptyReportMetrics()),
        previousMonth: toFigures(r ? metricsOf(r, 'p_') : emptyReportMetrics()),
      };
    });
  }

  private async itemLines(unit: string, month: string, previous: string): Promise<ReportLineModel[]> {
    const rows = await this.grouped(unit, ['police_type', 'item_code'], month, previous);
    const lines = rows.map((r) => {
      const itemCode = r.g1 === NO_ITEM ? null : String(r.g1);
      return {
        key: `${String(r.g0)}:${String(r.g1)}`,
        label: itemCode ? ((r.item_name as string | null) ?? itemCode) : `${POLICE_TYPE_LABELS[r.g0 as PoliceType] ?? ''}${NO_ITEM_LABEL}`,
        unitCode: null,
        policeType: r.g0 as PoliceType,
        itemCode,
        figures: toFigures(metricsOf(r, 'c_')),
        previousMonth: toFigures(metricsOf(r, 'p_')),
      };
    });
    return lines
      .filter((l) => REPORT_METRIC_KEYS.some((k) => l.figures[k] !== 0 || l.previousMonth[k] !== 0))
      .sort((a, b) => b.figures.noticesIssued - a.figures.noticesIssued || b.figures.accepted - a.figures.accepted || a.key.localeCompare(b.key));
  }
}

/** Unit prefixes are digits only (checked before any query); anything else is refused here too. */
function safePrefix(prefix: string): string {
  if (!/^\d*$/.test(prefix)) throw new ReportException(ReportErrorCode.REPORT_UNIT_UNKNOWN, '单位代码只能包含数字');
  return prefix;
}
