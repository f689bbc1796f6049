import type { ApplicationStatus, ClockStopStatus, DeadlineState, DeliveryMethod, PoliceType, ToleratedMaterialState } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export interface TimeLimitValue {
  value: number;
  unit: 'WORKING_DAYS' | 'CALENDAR_DAYS';
}

/** An application (申请/办件) of one police type, from acceptance to closing. */
@Entity({ name: 'application' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 32 }) number: string;
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode: string;
  @Column({ name: 'item_name', type: 'text' }) itemName: string;
  @Column({ name: 'police_type', type: 'text' }) policeType: PoliceType;
  @Column({ type: 'text' }) service: string;
  @Index() @Column({ name: 'applicant_id_number', type: 'varchar', length: 18 }) applicantIdNumber: string;
  @Column({ name: 'applicant_name', type: 'text' }) applicantName: string;
  @Column({ name: 'applicant_phone', type: 'text', nullable: true }) applicantPhone: string | null;
  @Index() @Column({ type: 'text' }) status: ApplicationStatus;
  @Index() @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'unit_name', type: 'text' }) unitName: string;
  @Column({ name: 'first_inquiry_owner_sub', type: 'text' }) firstInquiryOwnerSub: string;
  @Column({ name: 'first_inquiry_owner_name', type: 'text' }) firstInquiryOwnerName: string;
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt: Date;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'deadline_provisional', type: 'boolean', default: false }) deadlineProvisional: boolean;
  @Column({ name: 'deadline_state', type: 'text' }) deadlineState: DeadlineState;
  @Column({ name: 'clock_stopped_since', type: 'date', nullable: true }) clockStoppedSince: string | null;
  /** Business date the clock started (acceptance); the base of a recomputed deadline. Null before migration 1764950000200. */
  @Column({ name: 'clock_started_on', type: 'date', nullable: true }) clockStartedOn: string | null;
  /** 承诺时限 and 法定时限 as the catalog stated them at acceptance. */
  @Column({ name: 'promised_time_limit', type: 'jsonb', nullable: true }) promisedTimeLimit: TimeLimitValue | null;
  @Column({ name: 'statutory_time_limit', type: 'jsonb', nullable: true }) statutoryTimeLimit: TimeLimitValue | null;
  @Column({ name: 'statutory_deadline', type: 'date', nullable: true }) statutoryDeadline: string | null;
  @Column({ name: 'statutory_deadline_provisional', type: 'boolean', default: false }) statutoryDeadlineProvisional: boolean;
  /** The lifecycle step that ends this case's clock (catalog `clockStopsAt`). */
  @Column({ name: 'clock_stops_at', type: 'text', default: 'APPROVED' }) clockStopsAt: ClockStopStatus;
  /** Working days added by approved extensions, and the item's cap on them (null: the default 10). */
  @Column({ name: 'extended_working_days', type: 'int', default: 0 }) extendedWorkingDays: number;
  @Column({ name: 'max_extension_working_days', type: 'int', nullable: true }) maxExtensionWorkingDays: number | null;
  @Column({ name: 'pending_extension_days', type: 'int', nullable: true }) pendingExtensionDays: number | null;
  @Column({ name: 'pending_extension_reason', type: 'text', nullable: true }) pendingExtensionReason: string | null;
  @Column({ name: 'fee_fen', type: 'int' }) feeFen: number;
  @Column({ name: 'waiver_code', type: 'text', nullable: true }) waiverCode: string | null;
  @Column({ name: 'delivery_method', type: 'text', nullable: true }) deliveryMethod: DeliveryMethod | null;
  @Column({ name: 'result_name', type: 'text', nullable: true }) resultName: string | null;
  @Column({ name: 'pickup_notice', type: 'text', nullable: true }) pickupNotice: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'presented_materials', type: 'jsonb' }) presentedMaterials: string[];
  @Column({ name: 'tolerated_materials', type: 'jsonb' }) toleratedMaterials: ToleratedMaterialState[];
  @Column({ type: 'jsonb' }) form: Record<string, unknown>;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
  @Column({ name: 'from_notice_number', type: 'text', nullable: true }) fromNoticeNumber: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One line of an application's timeline: who did what, when and why. Append-only. */
@Entity({ name: 'application_event' })
export class ApplicationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Index() @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ name: 'actor_roles', type: 'jsonb' }) actorRoles: string[];
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
}

/** Which catalog content this service has announced (so a restart does not re-announce it). */
@Entity({ name: 'catalog_publication' })
export class CatalogPublicationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'text' }) version: string;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
}
