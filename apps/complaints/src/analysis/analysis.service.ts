import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoliceType, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import {
  AuditService, BusinessClock, DomainException, hasRole, jurisdictionOf, maskerFor, seesRecordInFull, WHOLE_BUREAU, type Jurisdiction,
} from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import { analysisCsv, analysisXlsx } from './analysis.export.js';
import { AnalysisRepository } from './analysis.repository.js';
import { analyse, monthEnd, monthStart, previousMonth, type ComplaintAnalysis, type UnitLevel } from './analysis.rules.js';

export interface AnalysisQuery {
  month: string;
  level: UnitLevel;
  /** Narrow to a unit within the caller's scope (default: the whole scope). */
  unitPrefix?: string;
}

export const EXPORT_FORMATS = ['XLSX', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface AnalysisFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV: 'text/csv; charset=utf-8',
};

/**
 * 信访投诉月度分析: scoped inside the service — complaints officers and supervisors their
 * jurisdiction, the analyst the whole bureau (read-only: there is nothing here to change).
 * Repeat complainants in full only for those who see complainants in full (supervisors,
 * complaints officers), and that read is audited; exports are always masked, and audited too.
 */
@Injectable()
export class AnalysisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: AnalysisRepository,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
  ) {}

  async analysis(actor: Identity, q: AnalysisQuery): Promise<ComplaintAnalysis> {
    // The policy for the records of the analysed scope (complaints officer / supervisor of that unit).
    const seesFull = seesRecordInFull(actor, { policeType: PoliceType.COMPLAINTS, unitCode: this.scopeOf(actor, q.unitPrefix).unitPrefix });
    const a = await this.compute(actor, q, seesFull);
    if (seesFull && a.repeatComplainants.length) {
      await this.audit.record(actor, {
        action: 'COMPLAINT_ANALYSIS_READ', subjectType: 'COMPLAINT_ANALYSIS', subjectRef: `${a.month}/${a.unitPrefix || 'ALL'}`, purpose: '信访投诉月度分析',
        details: { repeatComplainants: a.repeatComplainants.length },
      });
    }
    return a;
  }

  async export(actor: Identity, q: AnalysisQuery, format: ExportFormat): Promise<AnalysisFile> {
    const a = await this.compute(actor, q, false);
    const fileName = `信访投诉月度分析-${a.month}-${a.unitPrefix || '全局'}.${format.toLowerCase()}`;
    const content = format === 'XLSX' ? await analysisXlsx(a) : analysisCsv(a);
    await this.audit.record(actor, {
      action: 'COMPLAINT_ANALYSIS_EXPORT', subjectType: 'COMPLAINT_ANALYSIS', subjectRef: `${a.month}/${a.unitPrefix || 'ALL'}`, purpose: '信访投诉月度分析导出',
      details: { format, level: a.level, masked: true, bytes: content.length },
    });
    return { fileName, mimeType: MIME[format], content };
  }

  private async compute(actor: Identity, q: AnalysisQuery, seesFull: boolean): Promise<ComplaintAnalysis> {
    const scope = this.scopeOf(actor, q.unitPrefix);
    const today = this.clock.today();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.month) || q.month > today.slice(0, 7)) {
      throw new ComplaintException(Code.COMPLAINT_ANALYSIS_MONTH_INVALID, `统计月份 ${q.month} 不正确：应为今天或以前的月份（YYYY-MM）`);
    }
    const manager = this.dataSource.manager;
    const range = { previousStart: monthStart(previousMonth(q.month)), start: monthStart(q.month), end: monthEnd(q.month) };
    const [complaints, deductions] = await Promise.all([this.rows.complaints(manager, scope, range), this.rows.deductions(manager, scope, range)]);
    return analyse({ month: q.month, level: q.level, unitPrefix: scope.unitPrefix, asOf: today, complaints, deductions, mask: maskerFor(seesFull) });
  }

  private scopeOf(actor: Identity, unitPrefix?: string): Jurisdiction {
    const mine = hasRole(actor, Role.ANALYST)
      ? WHOLE_BUREAU
      : hasRole(actor, Role.SUPERVISOR) || (hasRole(actor, Role.OFFICER) && actor.policeType === PoliceType.COMPLAINTS)
        ? jurisdictionOf(actor)
        : null;
    if (!mine) throw DomainException.forbidden('仅信访民警、督察和分析人员可以查看信访投诉分析');
    const wanted = unitPrefix?.trim();
    if (!wanted) return mine;
    if (mine.unitPrefix !== '' && !withinJurisdiction(mine.unitPrefix, wanted)) throw DomainException.outOfJurisdiction('所选单位不在您的辖区范围内');
    return { unitPrefix: wanted };
  }
}
