import type { ComplaintAction, ComplaintChannel, ComplaintDeadlineState, ComplaintFinding, ComplaintKind, ComplaintStatus } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A complaint (信访投诉) as received, classified, accepted, answered and closed. */
@Entity({ name: 'complaint' })
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** XF + receipt date + six-digit serial, e.g. XF20261009000001. */
  @Column({ type: 'varchar', length: 24, unique: true }) number: string;
  @Column({ type: 'varchar', length: 20 }) channel: ComplaintChannel;
  @Column({ name: 'complainant_name', type: 'text' }) complainantName: string;
  @Column({ name: 'complainant_id_number', type: 'varchar', length: 18, nullable: true }) complainantIdNumber: string | null;
  @Column({ name: 'complainant_phone', type: 'varchar', length: 20 }) complainantPhone: string;
  @Column({ type: 'text' }) content: string;
  /** The police type complained about (警种). */
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  /** The responsible unit (被投诉单位): the jurisdiction of the complaint. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** The handling unit (承办单位) chosen by the routing rules; officers of either unit's jurisdiction work it. */
  @Column({ name: 'handling_unit_code', type: 'varchar', length: 12 }) handlingUnitCode: string;
  /** The routing rule that chose the handling unit: its version and label. */
  @Column({ name: 'routing_version', type: 'integer', nullable: true }) routingVersion: number | null;
  @Column({ name: 'routing_rule', type: 'text', nullable: true }) routingRule: string | null;
  /** The channel's own reference: hotline call id, letter reference, 12345 work-order number (unique for 12345). */
  @Column({ name: 'channel_reference', type: 'varchar', length: 40, nullable: true }) channelReference: string | null;
  @Column({ name: 'officer_username', type: 'text', nullable: true }) officerUsername: string | null;
  @Column({ name: 'officer_name', type: 'text', nullable: true }) officerName: string | null;
  @Column({ type: 'varchar', length: 20 }) kind: ComplaintKind;
  @Column({ name: 'application_number', type: 'varchar', length: 20, nullable: true }) applicationNumber: string | null;
  /** 首问登记编号 (counter's first-inquiry record) the complainant points at. */
  @Column({ name: 'first_inquiry_number', type: 'varchar', length: 20, nullable: true }) firstInquiryNumber: string | null;
  @Column({ type: 'varchar', length: 20 }) status: ComplaintStatus;
  /** Number of the first complaint of the same matter by the same person (90 days), when this one repeats it. */
  @Column({ name: 'repeat_of', type: 'varchar', length: 24, nullable: true }) repeatOf: string | null;
  @Column({ name: 'received_on', type: 'date' }) receivedOn: string;
  /** Unit where it was received (the window, the letters office). */
  @Column({ name: 'received_unit_code', type: 'varchar', length: 12 }) receivedUnitCode: string;
  @Column({ name: 'received_by', type: 'text' }) receivedBy: string;
  /** Decide on acceptance by (15 days after receipt). */
  @Column({ name: 'acceptance_deadline', type: 'date' }) acceptanceDeadline: string;
  @Column({ name: 'accepted_on', type: 'date', nullable: true }) acceptedOn: string | null;
  /** Answer by (60 days after acceptance, 90 when extended; 30 days after a reopening). */
  @Column({ name: 'answer_deadline', type: 'date', nullable: true }) answerDeadline: string | null;
  /** The deadline that applies now (the workbench sorts by it); null once the clock has ended. */
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  @Column({ name: 'deadline_state', type: 'varchar', length: 10 }) deadlineState: ComplaintDeadlineState;
  @Column({ name: 'not_accepted_reason', type: 'text', nullable: true }) notAcceptedReason: string | null;
  @Column({ name: 'extension_reason', type: 'text', nullable: true }) extensionReason: string | null;
  @Column({ name: 'extension_pending', type: 'boolean', default: false }) extensionPending: boolean;
  @Column({ type: 'boolean', default: false }) extended: boolean;
  @Column({ name: 'answer_text', type: 'text', nullable: true }) answerText: string | null;
  @Column({ name: 'answer_channel', type: 'varchar', length: 10, nullable: true }) answerChannel: string | null;
  @Column({ name: 'answered_on', type: 'date', nullable: true }) answeredOn: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  /** The day acceptance was decided (受理 or 不予受理); overdue decisions are counted from it. */
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: string | null;
  /** 核查结论, recorded at the answer or the close. */
  @Column({ type: 'varchar', length: 24, nullable: true }) finding: ComplaintFinding | null;
  /** The responsible officer as confirmed or corrected by the complaints officer (may differ from the one named at intake). */
  @Column({ name: 'responsible_officer_username', type: 'text', nullable: true }) responsibleOfficerUsername: string | null;
  @Column({ name: 'responsible_officer_name', type: 'text', nullable: true }) responsibleOfficerName: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One line of a complaint's timeline (办理记录): every change, who, when, why. */
@Entity({ name: 'complaint_event' })
export class ComplaintEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'varchar', length: 20 }) action: ComplaintAction;
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true }) fromStatus: ComplaintStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20 }) toStatus: ComplaintStatus;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'` }) details: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
