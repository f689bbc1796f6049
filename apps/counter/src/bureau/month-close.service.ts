import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addReportMetrics, emptyReportMetrics, EventSubjects, REPORT_MONTH, withinJurisdiction, type DistrictMonthReport, type Identity, type ReportClosedEvent,
} from '@onewindow/contracts';
import { AuditService, BusinessClock, OutboxService, SERVICE_CONFIG } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CounterConfig } from '../config.js';
import { MonthlyFiguresSource } from '../report/monthly-figures.source.js';
import { ReportScopeErrorCode, ReportScopeException } from '../report-export/report-export.exception.js';
import { canonicalJson, sha256Hex } from './bureau-signature.js';
import type { ReportCloseEntity } from './bureau.entities.js';
import { BureauErrorCode, BureauException } from './bureau.exception.js';
import { ReportCloseRepository } from './bureau.repository.js';

/**
 * District side of 月报报送: closing a finished month snapshots the district's rows from
 * MonthlyFiguresSource as DistrictMonthReport version n + 1, stored with a `counter.v1.report.closed`
 * outbox event in one transaction; the push consumer delivers it to the bureau. Closing again after
 * a correction makes the next version.
 */
@Injectable()
export class MonthCloseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closes: ReportCloseRepository,
    private readonly figures: MonthlyFiguresSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
  ) {}

  /** The district this deployment closes months for, if the caller may act for it. */
  district(actor: Identity): string {
    const district = this.config.BUREAU_DISTRICT_CODE;
    if (!district) throw new BureauException(BureauErrorCode.REPORT_CLOSE_NOT_CONFIGURED, '本部署未配置报送分局（BUREAU_DISTRICT_CODE），不能结账报送');
    if (!withinJurisdiction(actor.unitCode, district)) {
      throw new ReportScopeException(ReportScopeErrorCode.REPORT_OUT_OF_JURISDICTION, `分局 ${district} 的月报不在您的辖区范围内（需分局或市局的督察、分析人员）`);
    }
    return district;
  }

  private checkMonth(month: string): void {
    if (!REPORT_MONTH.test(month)) throw new ReportScopeException(ReportScopeErrorCode.REPORT_MONTH_INVALID, `统计月份“${month.slice(0, 20)}”格式不正确，应为 YYYY-MM`);
    const current = this.clock.today().slice(0, 7);
    if (month > current) throw new ReportScopeException(ReportScopeErrorCode.REPORT_MONTH_IN_FUTURE, `统计月份 ${month} 尚未到来`);
    if (month === current) throw new BureauException(BureauErrorCode.REPORT_MONTH_NOT_FINISHED, `${month} 尚未结束，月末之后才能结账报送`);
  }

  async close(actor: Identity, month: string): Promise<ReportCloseEntity> {
    const districtCode = this.district(actor);
    this.checkMonth(month);
    const rows = await this.figures.rows(month, districtCode);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.closes.lockMonth(manager, districtCode, month);
      const version = (await this.closes.newestVersion(manager, districtCode, month)) + 1;
      const closedAt = this.clock.now();
      const report: DistrictMonthReport = {
        districtCode, month, version, closedAt: closedAt.toISOString(), closedBy: `${actor.displayName}（${actor.username}）`,
        rows: rows.map((r) => ({ month: r.month, unitCode: r.unitCode, policeType: r.policeType, itemCode: r.itemCode ?? null, itemName: r.itemName ?? null, metrics: { ...r.metrics } })),
      };
      const entity: ReportCloseEntity = {
        id: randomUUID(), districtCode, month, version, report, contentHash: sha256Hex(canonicalJson(report)), rowCount: rows.length,
        closedAt, closedBy: report.closedBy, pushStatus: 'PENDING', pushAttempts: 0, lastPushAt: null, pushError: null, bureauReceivedAt: null,
      };
      await this.closes.insert(manager, entity);
      const event: ReportClosedEvent = { reportId: entity.id, districtCode, month, version };
      await this.outbox.enqueue(manager, EventSubjects.reportClosed, event);
      await this.audit.record(actor, {
        action: 'MONTHLY_REPORT_CLOSE', subjectType: 'MONTHLY_REPORT', subjectRef: `${month}/${districtCode}/v${version}`, purpose: '月报结账报送',
        details: { rows: rows.length },
      }, manager);
      return entity;
    });
    this.outbox.notifyCommitted();
    return row;
  }

  async versions(actor: Identity, month: string): Promise<ReportCloseEntity[]> {
    const districtCode = this.district(actor);
    if (!REPORT_MONTH.test(month)) throw new ReportScopeException(ReportScopeErrorCode.REPORT_MONTH_INVALID, `统计月份“${month.slice(0, 20)}”格式不正确，应为 YYYY-MM`);
    return this.closes.versions(districtCode, month);
  }
}

/** The district total of a report's rows. */
export function reportTotal(report: DistrictMonthReport) {
  return report.rows.reduce((acc, r) => addReportMetrics(acc, r.metrics), emptyReportMetrics());
}
