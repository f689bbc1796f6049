import { Inject, Injectable } from '@nestjs/common';
import { addReportMetrics, emptyReportMetrics, policeUnitName, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock, SERVICE_CONFIG } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { ReportScopeErrorCode, ReportScopeException } from '../report-export/report-export.exception.js';
import { reportScope } from '../report-export/report-scope.js';
import type { BureauReportEntity } from './bureau.entities.js';
import { BureauErrorCode, BureauException } from './bureau.exception.js';
import { figuresOf, type BureauCityReport, type BureauReportVersion } from './bureau.model.js';
import { BureauReportRepository } from './bureau.repository.js';
import { BureauIntakeService } from './bureau-intake.service.js';
import { reportTotal } from './month-close.service.js';

const versionOf = (r: BureauReportEntity): BureauReportVersion => ({
  districtCode: r.districtCode, districtName: policeUnitName(r.districtCode), month: r.month, version: r.version, closedAt: r.closedAt,
  closedBy: r.closedBy, receivedAt: r.receivedAt, keyId: r.keyId, rowCount: r.rowCount, figures: figuresOf(reportTotal(r.report)),
});

/** The city-wide view (全市汇总) of the bureau: each district's newest version and their sum. City-level analysts and supervisors. */
@Injectable()
export class BureauCityService {
  constructor(
    private readonly reports: BureauReportRepository,
    private readonly intake: BureauIntakeService,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
  ) {}

  private cityScope(actor: Identity, month: string, districtCode?: string): string {
    if (this.config.BUREAU_MODE !== 'true') throw new BureauException(BureauErrorCode.BUREAU_MODE_ONLY, '本部署不是市局汇总端，没有全市汇总');
    const isAdmin = actor.roles.includes(Role.ADMIN);
    if (!isAdmin && actor.unitCode.length !== 4) throw new ReportScopeException(ReportScopeErrorCode.REPORT_OUT_OF_JURISDICTION, '全市汇总仅限市局的分析、督察人员查看');
    return reportScope(actor, month, districtCode ?? (isAdmin ? undefined : actor.unitCode), this.clock.today()).unitCode;
  }

  async city(actor: Identity, month: string): Promise<BureauCityReport> {
    const prefix = this.cityScope(actor, month);
    const scopePrefix = actor.roles.includes(Role.ADMIN) && prefix.length !== 4 ? '' : prefix;
    const newest = await this.reports.newestOfMonth(month, scopePrefix);
    const districts = newest.map(versionOf);
    const total = newest.reduce((acc, r) => addReportMetrics(acc, reportTotal(r.report)), emptyReportMetrics());
    const reported = new Set(newest.map((r) => r.districtCode));
    const missing = [...this.intake.keys.keys()].filter((d) => withinJurisdiction(scopePrefix || d, d) && !reported.has(d)).sort();
    await this.audit.record(actor, { action: 'BUREAU_CITY_REPORT_READ', subjectType: 'MONTHLY_REPORT', subjectRef: `${month}/${scopePrefix || 'ALL'}`, purpose: '全市汇总' });
    return { month, districts, total: figuresOf(total), districtsReported: districts.length, districtsMissing: missing };
  }

  async versions(actor: Identity, districtCode: string, month: string): Promise<BureauReportVersion[]> {
    const unit = this.cityScope(actor, month, districtCode);
    if (unit.length !== 6) throw new ReportScopeException(ReportScopeErrorCode.REPORT_UNIT_UNKNOWN, `${unit} 不是分局代码（6 位）`);
    return (await this.reports.versions(unit, month)).map(versionOf);
  }
}
