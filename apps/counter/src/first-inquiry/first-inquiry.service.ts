import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventSubjects, withinJurisdiction, type FirstInquiryRecordedEvent, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock, DomainException, jurisdictionOf, OutboxService } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner.js';
import { FirstInquiryEntity } from './first-inquiry.entity.js';
import { FirstInquiryErrorCode, FirstInquiryException } from './first-inquiry.exception.js';
import type { RecordFirstInquiryInput } from './first-inquiry.model.js';
import { firstInquiryNumber, firstInquiryOutcome } from './first-inquiry.rules.js';

const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** 首问责任: records of inquiries that did not become applications, by the first officer approached. */
@Injectable()
export class FirstInquiryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Identity, input: RecordFirstInquiryInput): Promise<FirstInquiryEntity> {
    if (actor.unitCode.length !== 9) throw new FirstInquiryException(FirstInquiryErrorCode.UNIT_INVALID, '首问登记由派出所（窗口）民警填写', { unitCode: actor.unitCode });
    const outcome = firstInquiryOutcome(input);
    if (!outcome) throw new FirstInquiryException(FirstInquiryErrorCode.OUTCOME_REQUIRED, '请填写答复内容，或引导前往的单位及其联系方式');
    const now = this.clock.now();
    const inquiredAt = input.inquiredAt ? new Date(input.inquiredAt) : now;
    if (inquiredAt.getTime() > now.getTime() + 60_000) throw DomainException.validation('来访时间不能晚于现在', { field: 'inquiredAt' });
    if (now.getTime() - inquiredAt.getTime() > 7 * 86_400_000) throw DomainException.validation('来访时间不能早于 7 天前（请及时登记）', { field: 'inquiredAt' });
    const day = this.clock.today();
    return this.tx.run(async (m) => {
      const number = await this.nextNumber(m, day);
      const row: FirstInquiryEntity = {
        number, unitCode: actor.unitCode, officerAccount: actor.username, officerName: actor.displayName, personName: input.personName.trim(), contact: input.contact,
        inquiredAt, matter: input.matter.trim(), answer: input.answer?.trim() || null,
        directedUnit: outcome === 'DIRECTED' || input.directedUnit?.trim() ? input.directedUnit?.trim() || null : null,
        directedContact: input.directedContact?.trim() || null, createdAt: now,
      };
      await m.getRepository(FirstInquiryEntity).insert(row);
      const event: FirstInquiryRecordedEvent = { number, unitCode: row.unitCode, outcome, inquiredOn: chinaDate(inquiredAt), at: now.toISOString() };
      await this.outbox.enqueue(m, EventSubjects.firstInquiryRecorded, event);
      return row;
    });
  }

  /** Records in the caller's jurisdiction (narrowed to a unit), of one officer or of the caller; newest first. */
  async list(actor: Identity, f: { unitCode?: string; officerAccount?: string; mine: boolean; limit: number; offset: number }): Promise<[FirstInquiryEntity[], number]> {
    const q = this.dataSource.getRepository(FirstInquiryEntity).createQueryBuilder('f').where('f.unit_code LIKE :p', { p: `${this.narrowed(actor, f.unitCode)}%` });
    if (f.mine) q.andWhere('f.officer_account = :me', { me: actor.username });
    else if (f.officerAccount) q.andWhere('f.officer_account = :o', { o: f.officerAccount });
    return q.orderBy('f.inquired_at', 'DESC').addOrderBy('f.number', 'DESC').take(f.limit).skip(f.offset).getManyAndCount();
  }

  /** Counts per officer in the caller's jurisdiction (for the chart). */
  async countsByOfficer(actor: Identity, unitCode?: string): Promise<{ officerAccount: string; officerName: string; unitCode: string; count: number }[]> {
    const rows: { officer_account: string; officer_name: string; unit_code: string; n: string }[] = await this.dataSource.query(
      `SELECT officer_account, max(officer_name) AS officer_name, unit_code, count(*) AS n FROM first_inquiry WHERE unit_code LIKE $1
        GROUP BY officer_account, unit_code ORDER BY count(*) DESC, officer_account`,
      [`${this.narrowed(actor, unitCode)}%`],
    );
    return rows.map((r) => ({ officerAccount: r.officer_account, officerName: r.officer_name, unitCode: r.unit_code, count: Number(r.n) }));
  }

  /** One record in full (name, contact): an audited read. */
  async read(actor: Identity, number: string, purpose: string): Promise<FirstInquiryEntity> {
    const row = await this.dataSource.getRepository(FirstInquiryEntity).findOneBy({ number });
    const found = row !== null && withinJurisdiction(jurisdictionOf(actor).unitPrefix, row.unitCode);
    await this.audit.record(actor, { action: 'FIRST_INQUIRY_READ', subjectType: 'FIRST_INQUIRY', subjectRef: number, purpose, outcome: found ? 'SUCCESS' : 'FAILURE' });
    if (!found) throw new FirstInquiryException(FirstInquiryErrorCode.NOT_FOUND, '未找到该首问登记（或不在您的辖区）', { number });
    return row;
  }

  private async nextNumber(m: EntityManager, day: string): Promise<string> {
    const prefix = firstInquiryNumber(day, 0).slice(0, -4);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`first_inquiry_number:${prefix}`]);
    const rows: { n: string }[] = await m.query(`SELECT count(*) AS n FROM first_inquiry WHERE number LIKE $1`, [`${prefix}%`]);
    return firstInquiryNumber(day, Number(rows[0]!.n) + 1);
  }

  private narrowed(actor: Identity, unitCode?: string): string {
    const own = jurisdictionOf(actor).unitPrefix;
    if (!unitCode) return own;
    if (!withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return unitCode;
  }
}
