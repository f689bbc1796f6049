import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventSubjects, Role, withinJurisdiction, type ComplaintDeductionChangedEvent, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock, DomainException, hasRole, jurisdictionOf, OutboxService, WHOLE_BUREAU, type Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { ComplaintEntity } from '../complaint/complaint.entity.js';
import { ComplaintErrorCode as Code, ComplaintException } from '../complaint/complaint.exception.js';
import { requireReason } from '../complaint/complaint.rules.js';
import { DEDUCTION_POINTS, type DeductionPoints } from '../config.js';
import type { ComplaintDeductionEntity } from './deduction.entity.js';
import { DeductionRepository } from './deduction.repository.js';
import { consequenceOf, isSubstantiated, type DeductionConsequence } from './deduction.rules.js';

export interface OfficerStanding {
  officerUsername: string;
  officerName: string | null;
  unitCode: string;
  deductions: number;
  points: number;
  consequence: DeductionConsequence;
}

export interface UnitStanding {
  unitCode: string;
  deductions: number;
  points: number;
}

/**
 * 扣分: a substantiated complaint with a responsible officer deducts points from the responsible
 * unit and the officer, in the transaction that records the finding, announced on the outbox.
 * Supervisors (their unit) and the analyst (all, read-only) see them with each officer's
 * consequence for the year; only a supervisor reverses one, with a reason, audited.
 */
@Injectable()
export class DeductionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deductions: DeductionRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
    @Inject(DEDUCTION_POINTS) private readonly points: DeductionPoints,
  ) {}

  /**
   * After a finding was recorded on `c` (inside the caller's transaction): deduct when it is
   * substantiated with a responsible officer and nothing stands yet; reverse the standing one when
   * the finding or the officer changed (a re-examination), then deduct again if still due.
   */
  async applyFinding(manager: EntityManager, actor: Identity, c: ComplaintEntity): Promise<ComplaintDeductionEntity | null> {
    const today = this.clock.today();
    const standing = await this.deductions.findActiveOfComplaint(manager, c.id);
    const due = isSubstantiated(c.finding) && !!c.responsibleOfficerUsername;
    if (standing && due && standing.finding === c.finding && standing.officerUsername === c.responsibleOfficerUsername && standing.unitCode === c.unitCode) return standing;
    if (standing) await this.reverseIn(manager, actor, standing, '复查变更了核查结论或责任民警', today);
    if (!due) return null;
    const d = await this.deductions.insert(manager, {
      complaintId: c.id,
      complaintNumber: c.number,
      finding: c.finding as 'SUBSTANTIATED' | 'PARTLY_SUBSTANTIATED',
      policeType: c.policeType,
      unitCode: c.unitCode,
      officerUsername: c.responsibleOfficerUsername!,
      officerName: c.responsibleOfficerName,
      unitPoints: this.points.unitPoints,
      officerPoints: this.points.officerPoints,
      deductedOn: today,
      year: Number(today.slice(0, 4)),
      deductedBy: actor.username,
    });
    await this.announce(manager, d, 'DEDUCTED');
    return d;
  }

  /** A year's deductions in the caller's scope (reversed ones too); never the caller's own. */
  async list(actor: Identity, year: number): Promise<ComplaintDeductionEntity[]> {
    const rows = await this.deductions.listOfYear(this.dataSource.manager, this.readScope(actor), year);
    return rows.filter((d) => d.officerUsername !== actor.username);
  }

  /** Per officer and per unit: standing deductions and points in the year, and each officer's consequence. */
  async standings(actor: Identity, year: number): Promise<{ officers: OfficerStanding[]; units: UnitStanding[] }> {
    return standingsOf(await this.list(actor, year));
  }

  /** 撤销扣分: the supervisor of the deduction's unit, with a reason; audited and announced. */
  async reverse(actor: Identity, id: string, reason: string): Promise<ComplaintDeductionEntity> {
    if (!hasRole(actor, Role.SUPERVISOR)) throw DomainException.forbidden('仅督察可以撤销扣分');
    const why = requireReason(reason, '撤销扣分的理由');
    const today = this.clock.today();
    const saved = await this.dataSource.transaction(async (manager) => {
      const d = await this.deductions.findById(manager, id, WHOLE_BUREAU, { lock: true });
      if (!d || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, d.unitCode) || d.officerUsername === actor.username) {
        throw new ComplaintException(Code.COMPLAINT_DEDUCTION_NOT_FOUND, '未找到该扣分记录，或不属于本单位');
      }
      if (d.reversedOn) throw new ComplaintException(Code.COMPLAINT_DEDUCTION_ALREADY_REVERSED, '该扣分已撤销');
      const after = await this.reverseIn(manager, actor, d, why, today);
      await this.audit.record(actor, {
        action: 'COMPLAINT_DEDUCTION_REVERSE', subjectType: 'COMPLAINT_DEDUCTION', subjectRef: d.id, purpose: why,
        details: { complaintNumber: d.complaintNumber, officerUsername: d.officerUsername, unitCode: d.unitCode },
      }, manager);
      return after;
    }).catch(async (e: unknown) => {
      // A refused attempt is audited outside the rolled-back transaction.
      if (e instanceof ComplaintException && e.code === Code.COMPLAINT_DEDUCTION_NOT_FOUND) {
        await this.audit.record(actor, { action: 'COMPLAINT_DEDUCTION_REVERSE', subjectType: 'COMPLAINT_DEDUCTION', subjectRef: id, purpose: why, outcome: 'DENIED' });
      }
      throw e;
    });
    this.outbox.notifyCommitted();
    return saved;
  }

  private async reverseIn(manager: EntityManager, actor: Identity, d: ComplaintDeductionEntity, reason: string, today: string): Promise<ComplaintDeductionEntity> {
    d.reversedOn = today;
    d.reversedBy = actor.username;
    d.reversalReason = reason;
    const after = await this.deductions.save(manager, d);
    await this.announce(manager, after, 'REVERSED');
    return after;
  }

  private async announce(manager: EntityManager, d: ComplaintDeductionEntity, action: ComplaintDeductionChangedEvent['action']): Promise<void> {
    const event: ComplaintDeductionChangedEvent = {
      deductionId: d.id, action, complaintNumber: d.complaintNumber, finding: d.finding, unitCode: d.unitCode, officerUsername: d.officerUsername,
      unitPoints: d.unitPoints, officerPoints: d.officerPoints, year: d.year,
      officerCountInYear: await this.deductions.countActiveOfOfficer(manager, d.officerUsername, d.year),
      at: new Date().toISOString(),
    };
    await this.outbox.enqueue(manager, EventSubjects.complaintDeductionChanged, event);
  }

  private readScope(actor: Identity): Jurisdiction {
    if (hasRole(actor, Role.ANALYST)) return WHOLE_BUREAU;
    if (hasRole(actor, Role.SUPERVISOR)) return jurisdictionOf(actor);
    throw DomainException.forbidden('仅督察和分析人员可以查看扣分');
  }
}

/** Standing (not reversed) deductions per officer and per unit, with the officer's consequence; most deductions first. */
export function standingsOf(rows: readonly ComplaintDeductionEntity[]): { officers: OfficerStanding[]; units: UnitStanding[] } {
  const officers = new Map<string, OfficerStanding>();
  const units = new Map<string, UnitStanding>();
  for (const d of rows) {
    if (d.reversedOn) continue;
    const o = officers.get(d.officerUsername) ?? { officerUsername: d.officerUsername, officerName: d.officerName, unitCode: d.unitCode, deductions: 0, points: 0, consequence: 'NONE' as DeductionConsequence };
    o.deductions += 1;
    o.points += d.officerPoints;
    o.consequence = consequenceOf(o.deductions);
    officers.set(d.officerUsername, o);
    const u = units.get(d.unitCode) ?? { unitCode: d.unitCode, deductions: 0, points: 0 };
    u.deductions += 1;
    u.points += d.unitPoints;
    units.set(d.unitCode, u);
  }
  const byCount = <T extends { deductions: number; points: number }>(a: T, b: T) => b.deductions - a.deductions || b.points - a.points;
  return {
    officers: [...officers.values()].sort((a, b) => byCount(a, b) || a.officerUsername.localeCompare(b.officerUsername)),
    units: [...units.values()].sort((a, b) => byCount(a, b) || a.unitCode.localeCompare(b.unitCode)),
  };
}
