import { Injectable } from '@nestjs/common';
import { plusDays } from '@onewindow/calendar';
import type { ComplaintChannel, ComplaintDeadlineState, ComplaintKind, ComplaintStatus } from '@onewindow/contracts';
import type { Jurisdiction } from '@onewindow/platform';
import { Brackets, type EntityManager } from 'typeorm';
import { ComplaintEntity, ComplaintEventEntity } from './complaint.entity.js';
import { REPEAT_WINDOW_DAYS, type EarlierComplaint, type MatterKey } from './complaint.rules.js';

/** Set later in the complaint's life (the decision, the finding at the answer or close). */
type LaterFields = 'decidedOn' | 'finding' | 'responsibleOfficerUsername' | 'responsibleOfficerName';
export type NewComplaint = Omit<ComplaintEntity, 'id' | 'createdAt' | 'updatedAt' | LaterFields> & Partial<Pick<ComplaintEntity, LaterFields>>;
export type NewComplaintEvent = Omit<ComplaintEventEntity, 'id' | 'at'>;

export interface ComplaintFilter {
  status?: ComplaintStatus;
  deadlineState?: ComplaintDeadlineState;
  channel?: ComplaintChannel;
  kind?: ComplaintKind;
  /** Hide complaints naming this officer (a caller never sees complaints about themself). */
  notAboutOfficer?: string;
}

/** The complaint register: the caller's EntityManager, the caller's jurisdiction on every query that returns personal data. */
@Injectable()
export class ComplaintRepository {
  private qb(manager: EntityManager, scope: Jurisdiction) {
    return manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      // A complaint belongs to the jurisdictions of both its responsible unit and its handling unit (decision 0013).
      .where('(c.unit_code LIKE :prefix OR c.handling_unit_code LIKE :prefix)', { prefix: `${scope.unitPrefix}%` });
  }

  async nextSerial(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT nextval('complaint_number_seq') AS n`)) as { n: string }[];
    return Number(row!.n);
  }

  async findByNumber(manager: EntityManager, number: string, scope: Jurisdiction, opts: { lock?: boolean } = {}): Promise<ComplaintEntity | null> {
    const qb = this.qb(manager, scope).andWhere('c.number = :number', { number });
    if (opts.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The workbench: soonest deadline first (finished ones last), then oldest first. */
  async list(manager: EntityManager, scope: Jurisdiction, filter: ComplaintFilter, page: { limit: number; offset: number }): Promise<ComplaintEntity[]> {
    const qb = this.qb(manager, scope);
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.deadlineState) qb.andWhere('c.deadline_state = :ds', { ds: filter.deadlineState });
    if (filter.channel) qb.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.notAboutOfficer) {
      qb.andWhere('c.officer_username IS DISTINCT FROM :me AND c.responsible_officer_username IS DISTINCT FROM :me', { me: filter.notAboutOfficer });
    }
    return qb.orderBy('c.deadline', 'ASC', 'NULLS LAST').addOrderBy('c.received_on', 'ASC').addOrderBy('c.number', 'ASC').take(page.limit).skip(page.offset).getMany();
  }

  /** A person's complaints (the citizen 360° section), newest first. */
  async findByComplainant(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<ComplaintEntity[]> {
    return this.qb(manager, scope).andWhere('c.complainant_id_number = :idNumber', { idNumber }).orderBy('c.received_on', 'DESC').addOrderBy('c.number', 'DESC').getMany();
  }

  /** Complaints the same person made in the repeat window before `receivedOn`, bureau-wide (a matter is one matter wherever it was filed). */
  async findEarlierOfSamePerson(manager: EntityManager, key: MatterKey, receivedOn: string): Promise<EarlierComplaint[]> {
    return manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .select(['c.number', 'c.receivedOn', 'c.repeatOf', 'c.complainantPhone', 'c.complainantIdNumber', 'c.applicationNumber', 'c.unitCode', 'c.kind'])
      .where('c.received_on BETWEEN :since AND :until', { since: plusDays(receivedOn, -REPEAT_WINDOW_DAYS), until: receivedOn })
      .andWhere(
        new Brackets((w) => {
          w.where('c.complainant_phone = :phone', { phone: key.complainantPhone });
          if (key.complainantIdNumber) w.orWhere('c.complainant_id_number = :idNumber', { idNumber: key.complainantIdNumber });
        }),
      )
      .getMany();
  }

  /** A 12345 work order already taken (idempotency of the import and the push). */
  async findByWorkOrder(manager: EntityManager, workOrderNumber: string): Promise<{ number: string } | null> {
    return manager.getRepository(ComplaintEntity).createQueryBuilder('c').select(['c.number'])
      .where(`c.channel = 'HOTLINE_12345' AND c.channel_reference = :ref`, { ref: workOrderNumber }).getOne();
  }

  /** Complaints still on the clock, bureau-wide (the deadline job). */
  async findOnTheClock(manager: EntityManager): Promise<ComplaintEntity[]> {
    return manager.getRepository(ComplaintEntity).createQueryBuilder('c').where('c.deadline IS NOT NULL').getMany();
  }

  async insert(manager: EntityManager, complaint: NewComplaint): Promise<ComplaintEntity> {
    const repo = manager.getRepository(ComplaintEntity);
    const saved = await repo.save(repo.create({ decidedOn: null, finding: null, responsibleOfficerUsername: null, responsibleOfficerName: null, ...complaint }));
    return saved;
  }

  async save(manager: EntityManager, complaint: ComplaintEntity): Promise<ComplaintEntity> {
    return manager.getRepository(ComplaintEntity).save(complaint);
  }

  async updateDeadlineState(manager: EntityManager, id: string, state: ComplaintDeadlineState): Promise<void> {
    await manager.getRepository(ComplaintEntity).update({ id }, { deadlineState: state });
  }

  async addEvent(manager: EntityManager, event: NewComplaintEvent): Promise<void> {
    await manager.getRepository(ComplaintEventEntity).insert(event as never);
  }

  async timeline(manager: EntityManager, complaintId: string): Promise<ComplaintEventEntity[]> {
    return manager.getRepository(ComplaintEventEntity).find({ where: { complaintId }, order: { id: 'ASC' } });
  }
}
