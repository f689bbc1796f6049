import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ClaimStatus, DisposalMethod, FoundItemCategory, FoundItemStatus, HandedInBy, LostReportStatus, VerificationMethod } from './lost-found.constants.js';

/** One hand-in (接收登记): a citizen's single item or a sanitation department batch; the receipt covers it. */
@Entity({ name: 'found_item_batch' })
export class FoundItemBatchEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) reference: string;
  @Column({ name: 'handed_in_by', type: 'varchar', length: 12 }) handedInBy: HandedInBy;
  @Column({ name: 'handed_in_by_name', type: 'text', nullable: true }) handedInByName: string | null;
  @Column({ name: 'storage_place', type: 'text' }) storagePlace: string;
  @Column({ name: 'item_count', type: 'int' }) itemCount: number;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'registered_by_sub', type: 'text' }) registeredBySub: string;
  @Column({ name: 'registered_by_name', type: 'text' }) registeredByName: string;
  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}

/** A found item in storage (拾得物), on the public notice board until claimed or disposed of. */
@Entity({ name: 'found_item' })
export class FoundItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 20 }) number: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId: string;
  @Column({ name: 'batch_reference', type: 'varchar', length: 64 }) batchReference: string;
  @Column({ type: 'varchar', length: 16 }) category: FoundItemCategory;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'found_on', type: 'date' }) foundOn: string;
  @Column({ name: 'found_place', type: 'text' }) foundPlace: string;
  @Column({ name: 'handed_in_by', type: 'varchar', length: 12 }) handedInBy: HandedInBy;
  /** Where the owner collects it (citizen-facing, used in the SMS). */
  @Column({ name: 'storage_place', type: 'text' }) storagePlace: string;
  /** Shelf or box inside the storage room (internal). */
  @Column({ name: 'storage_slot', type: 'text', nullable: true }) storageSlot: string | null;
  @Column({ type: 'varchar', length: 12 }) status: FoundItemStatus;
  /** Date of the public notice (招领公告): the registration date. */
  @Column({ name: 'notice_published_on', type: 'date' }) noticePublishedOn: string;
  /** Last day the owner may claim (民法典 第三百一十八条: one year from the notice). */
  @Column({ name: 'retention_until', type: 'date' }) retentionUntil: string;
  /** True when retention_until was computed for a year without published holiday data. */
  @Column({ name: 'retention_provisional', type: 'boolean', default: false }) retentionProvisional: boolean;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'matched_report_id', type: 'uuid', nullable: true }) matchedReportId: string | null;
  @Column({ name: 'disposal_method', type: 'varchar', length: 24, nullable: true }) disposalMethod: DisposalMethod | null;
  @Column({ name: 'disposed_on', type: 'date', nullable: true }) disposedOn: string | null;
  @Column({ name: 'registered_by_name', type: 'text' }) registeredByName: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A citizen's report of something lost (失物登记), with a phone for the match SMS. */
@Entity({ name: 'lost_report' })
export class LostReportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) category: FoundItemCategory;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'lost_on', type: 'date', nullable: true }) lostOn: string | null;
  @Column({ name: 'lost_place', type: 'text', nullable: true }) lostPlace: string | null;
  @Column({ name: 'reporter_name', type: 'text', nullable: true }) reporterName: string | null;
  @Index() @Column({ name: 'reporter_id_number', type: 'varchar', length: 18, nullable: true }) reporterIdNumber: string | null;
  @Column({ type: 'varchar', length: 11 }) phone: string;
  @Column({ type: 'varchar', length: 8 }) status: LostReportStatus;
  @Column({ name: 'matched_found_item_id', type: 'uuid', nullable: true }) matchedFoundItemId: string | null;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'filed_by_sub', type: 'text' }) filedBySub: string;
  @Column({ name: 'filed_by_name', type: 'text' }) filedByName: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A claim at the window (认领): returned after the identity check, or refused (kept as a record). */
@Entity({ name: 'found_item_claim' })
export class FoundItemClaimEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ name: 'found_item_id', type: 'uuid' }) foundItemId: string;
  @Column({ name: 'lost_report_id', type: 'uuid', nullable: true }) lostReportId: string | null;
  @Index() @Column({ name: 'claimant_id_number', type: 'varchar', length: 18 }) claimantIdNumber: string;
  /** Name as on the household register (absent when the claimant was not found there). */
  @Column({ name: 'claimant_name', type: 'text', nullable: true }) claimantName: string | null;
  @Column({ name: 'claimant_phone', type: 'varchar', length: 11 }) claimantPhone: string;
  @Column({ name: 'description_given', type: 'text' }) descriptionGiven: string;
  @Column({ name: 'identity_verified', type: 'boolean' }) identityVerified: boolean;
  @Column({ name: 'verification_method', type: 'varchar', length: 16 }) verificationMethod: VerificationMethod;
  @Column({ type: 'varchar', length: 10 }) status: ClaimStatus;
  @Column({ name: 'refusal_code', type: 'text', nullable: true }) refusalCode: string | null;
  @Column({ name: 'refusal_reason', type: 'text', nullable: true }) refusalReason: string | null;
  @Column({ name: 'verified_by_sub', type: 'text' }) verifiedBySub: string;
  @Column({ name: 'verified_by_name', type: 'text' }) verifiedByName: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One state change on the platform — registered, matched, claimed, refused, disposed: who and when. Append-only. */
@Entity({ name: 'lost_found_event' })
export class LostFoundEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Index() @Column({ name: 'found_item_id', type: 'uuid', nullable: true }) foundItemId: string | null;
  @Index() @Column({ name: 'lost_report_id', type: 'uuid', nullable: true }) lostReportId: string | null;
  @Column({ name: 'claim_id', type: 'uuid', nullable: true }) claimId: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ name: 'actor_roles', type: 'jsonb' }) actorRoles: string[];
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'text', nullable: true }) toStatus: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
}
