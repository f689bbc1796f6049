import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface HomeVisitHistoryEntry {
  at: string;
  actorName: string;
  action: string;
  note?: string | null;
}

/**
 * A home visit (上门服务, 出诊式) for a citizen who cannot come to the hall: requested at the
 * station's window, assigned to a community officer of that station, scheduled, and closed as DONE
 * (the item's application accepted at home, linked by number) or NOT_POSSIBLE (why).
 */
@Entity({ name: 'home_visit' })
@Index('home_visit_unit_idx', ['unitCode', 'status'])
export class HomeVisitEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  /** SM-yyyymmdd-nnnn, per request day. */
  @Column({ type: 'varchar', length: 20, unique: true }) number: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'unit_type', type: 'varchar', length: 8 }) unitType: string;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode: string;
  @Column({ name: 'item_name', type: 'text' }) itemName: string;
  @Column({ name: 'citizen_name', type: 'text' }) citizenName: string;
  @Column({ name: 'citizen_id_number', type: 'varchar', length: 18 }) citizenIdNumber: string;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'text' }) address: string;
  /** BEDRIDDEN / ELDERLY / DISABLED / OTHER. */
  @Column({ type: 'varchar', length: 12 }) reason: string;
  @Column({ name: 'reason_note', type: 'text', nullable: true }) reasonNote: string | null;
  @Column({ name: 'requested_on', type: 'date' }) requestedOn: string;
  @Column({ name: 'requested_by_account', type: 'varchar', length: 64 }) requestedByAccount: string;
  @Column({ name: 'requested_by_name', type: 'text' }) requestedByName: string;
  @Column({ name: 'due_days', type: 'int' }) dueDays: number;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'deadline_provisional', type: 'boolean', default: false }) deadlineProvisional: boolean;
  /** REQUESTED / ASSIGNED / SCHEDULED / DONE / NOT_POSSIBLE. */
  @Column({ type: 'varchar', length: 12 }) status: string;
  @Column({ name: 'officer_account', type: 'varchar', length: 64, nullable: true }) officerAccount: string | null;
  @Column({ name: 'officer_name', type: 'text', nullable: true }) officerName: string | null;
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt: Date | null;
  @Column({ name: 'application_number', type: 'text', nullable: true }) applicationNumber: string | null;
  @Column({ name: 'outcome_note', type: 'text', nullable: true }) outcomeNote: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ type: 'jsonb', default: [] }) history: HomeVisitHistoryEntry[];
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** The roster (data): which accounts are community officers (社区民警) of which station. */
@Entity({ name: 'home_visit_officer' })
export class HomeVisitOfficerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) account: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** 责任区 (community), shown when assigning. */
  @Column({ type: 'text', default: '' }) area: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
}
