import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { DomainException, hasRole, jurisdictionOf, SERVICE_CONFIG, WHOLE_BUREAU } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { ComplaintsConfig } from '../config.js';
import { EvaluationEntity } from '../evaluation/evaluation.entity.js';
import { windowKey } from '../evaluation/evaluation.rules.js';
import {
  emptyCounts, monthRange, officerFlags, parseStarThresholds, satisfactionRate, starsOf, totalOf,
  type FlagThresholds, type LevelCounts, type OfficerFlag, type StarRule,
} from './figures.rules.js';

export type FigureKind = 'OFFICER' | 'WINDOW' | 'UNIT';

export interface FigureRowData {
  kind: FigureKind;
  key: string;
  label: string;
  unitCode: string;
  counts: LevelCounts;
  total: number;
  satisfactionRate: number | null;
  stars: number;
  flags: OfficerFlag[];
}

export interface MonthlyFigures {
  month: string;
  thresholds: FlagThresholds;
  officers: FigureRowData[];
  windows: FigureRowData[];
  units: FigureRowData[];
}

type Slim = Pick<EvaluationEntity, 'level' | 'unitCode' | 'windowNo' | 'officerUsername' | 'officerName'>;

/**
 * Monthly 好差评 figures per officer, window and unit: counts per level, 满意率, the officers' flags
 * (seed 004) and stars. Voided reviews are left out. Supervisors see their jurisdiction, the city
 * analyst every unit; a clerk sees their own row and the windows they served at.
 */
@Injectable()
export class EvaluationFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  async monthly(actor: Identity, month: string): Promise<MonthlyFigures> {
    const { from, to } = monthRange(month);
    const isClerkOnly = !hasRole(actor, Role.SUPERVISOR, Role.ANALYST);
    if (isClerkOnly && !hasRole(actor, Role.CLERK)) throw DomainException.forbidden('仅窗口人员、督察和分析人员可以查看评价统计');
    const scope = hasRole(actor, Role.ANALYST) ? WHOLE_BUREAU : isClerkOnly ? { unitPrefix: actor.unitCode } : jurisdictionOf(actor);
    const rows: Slim[] = await this.dataSource.manager.getRepository(EvaluationEntity).createQueryBuilder('e')
      .select(['e.level', 'e.unitCode', 'e.windowNo', 'e.officerUsername', 'e.officerName'])
      .where('e.evaluated_on BETWEEN :from AND :to', { from, to })
      .andWhere('NOT e.voided')
      .andWhere('e.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getMany();
    const figures = computeFigures(month, rows, this.rules());
    if (!isClerkOnly) return figures;
    const mine = new Set(rows.filter((r) => r.officerUsername === actor.username && r.windowNo).map((r) => windowKey(r.unitCode, r.windowNo!)));
    return { ...figures, officers: figures.officers.filter((o) => o.key === actor.username), windows: figures.windows.filter((w) => mine.has(w.key)), units: [] };
  }

  private rules(): { flags: FlagThresholds; stars: StarRule } {
    return {
      flags: { noAwardsBelow: this.config.EVALUATION_NO_AWARDS_BELOW, bureauNoticeBelow: this.config.EVALUATION_BUREAU_NOTICE_BELOW },
      stars: { minRates: parseStarThresholds(this.config.EVALUATION_STAR_THRESHOLDS), minCount: this.config.EVALUATION_STAR_MIN_COUNT, capWithVeryDissatisfied: 3 },
    };
  }
}

/** The figures of one month from its (non-voided) evaluations: pure, tested against a hand-computed fixture. */
export function computeFigures(month: string, rows: readonly Slim[], rules: { flags: FlagThresholds; stars: StarRule }): MonthlyFigures {
  const groups = { OFFICER: new Map<string, FigureRowData>(), WINDOW: new Map<string, FigureRowData>(), UNIT: new Map<string, FigureRowData>() };
  const add = (kind: FigureKind, key: string, label: string, unitCode: string, level: Slim['level']) => {
    let row = groups[kind].get(key);
    if (!row) {
      row = { kind, key, label, unitCode, counts: emptyCounts(), total: 0, satisfactionRate: null, stars: 0, flags: [] };
      groups[kind].set(key, row);
    }
    row.counts[level]++;
  };
  for (const r of rows) {
    if (r.officerUsername) add('OFFICER', r.officerUsername, r.officerName ?? r.officerUsername, r.unitCode, r.level);
    if (r.windowNo) add('WINDOW', windowKey(r.unitCode, r.windowNo), `${policeUnitName(r.unitCode)} ${r.windowNo} 号窗口`, r.unitCode, r.level);
    add('UNIT', r.unitCode, policeUnitName(r.unitCode), r.unitCode, r.level);
  }
  const finish = (kind: FigureKind) =>
    [...groups[kind].values()]
      .map((row) => {
        const rate = satisfactionRate(row.counts);
        return { ...row, total: totalOf(row.counts), satisfactionRate: rate, stars: starsOf(row.counts, rules.stars), flags: kind === 'OFFICER' ? officerFlags(rate, rules.flags) : [] };
      })
      .sort((a, b) => (a.satisfactionRate ?? 101) - (b.satisfactionRate ?? 101) || a.key.localeCompare(b.key));
  return { month, thresholds: rules.flags, officers: finish('OFFICER'), windows: finish('WINDOW'), units: finish('UNIT') };
}
