import type { EvaluationChannel, EvaluationLevel } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationReason } from './evaluation.rules.js';

/** A pairing code the clerk's screen shows (short-lived, single use; stored hashed). */
@Entity({ name: 'rating_pairing' })
export class RatingPairingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'code_hash', type: 'varchar', length: 64, unique: true }) codeHash: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'unit_name', type: 'text' }) unitName: string;
  @Column({ name: 'window_no', type: 'varchar', length: 8 }) windowNo: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
}

/** A paired citizen-facing rating screen: its token (hashed) is scoped to one window, expires and may be revoked. */
@Entity({ name: 'rating_device' })
export class RatingDeviceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true }) tokenHash: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'unit_name', type: 'text' }) unitName: string;
  @Column({ name: 'window_no', type: 'varchar', length: 8 }) windowNo: string;
  @Column({ name: 'paired_by', type: 'text' }) pairedBy: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type VisitStatus = 'PRESENTED' | 'RATED' | 'SUPERSEDED';

/** What the citizen screen shows about a visit: masked, built from the owning service's record. */
export interface VisitSummary {
  applicationNumber: string;
  itemName: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string | null;
  status: string;
  unitName: string;
  acceptedAt: string;
  deadline: string;
}

/** One visit at a window presented to the citizen screen for confirmation and a rating (当场评价). */
@Entity({ name: 'window_visit' })
export class WindowVisitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'window_no', type: 'varchar', length: 8 }) windowNo: string;
  @Column({ name: 'application_number', type: 'varchar', length: 20 }) applicationNumber: string;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  @Column({ name: 'clerk_username', type: 'text' }) clerkUsername: string;
  @Column({ name: 'clerk_name', type: 'text' }) clerkName: string;
  /** Masked summary shown on the citizen screen. */
  @Column({ type: 'jsonb' }) summary: VisitSummary;
  /** The applicant (full) for the 360° view and the outcome SMS; never sent to the citizen screen. */
  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18 }) applicantIdNumber: string;
  @Column({ name: 'applicant_phone', type: 'varchar', length: 20, nullable: true }) applicantPhone: string | null;
  @Column({ type: 'varchar', length: 12 }) status: VisitStatus;
  @Column({ name: 'presented_at', type: 'timestamptz' }) presentedAt: Date;
}

/** One evaluation (好差评) of one matter: on the window's screen or by SMS reply, whichever came first. */
@Entity({ name: 'evaluation' })
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_number', type: 'varchar', length: 20, unique: true }) applicationNumber: string;
  @Column({ type: 'varchar', length: 8 }) channel: EvaluationChannel;
  @Column({ type: 'varchar', length: 20 }) level: EvaluationLevel;
  @Column({ type: 'jsonb' }) reasons: EvaluationReason[];
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  /** The unit evaluated (the window's unit, or the accepting unit for SMS). */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'window_no', type: 'varchar', length: 8, nullable: true }) windowNo: string | null;
  /** The officer evaluated: the clerk who presented the visit, or the accepting clerk (首问责任人). */
  @Column({ name: 'officer_username', type: 'text', nullable: true }) officerUsername: string | null;
  @Column({ name: 'officer_name', type: 'text', nullable: true }) officerName: string | null;
  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18, nullable: true }) applicantIdNumber: string | null;
  @Column({ name: 'applicant_phone', type: 'varchar', length: 20, nullable: true }) applicantPhone: string | null;
  @Column({ name: 'visit_id', type: 'uuid', nullable: true }) visitId: string | null;
  @Column({ name: 'evaluated_on', type: 'date' }) evaluatedOn: string;
  @Column({ name: 'evaluated_at', type: 'timestamptz' }) evaluatedAt: Date;
  @Column({ type: 'boolean', default: false }) voided: boolean;
  @Column({ name: 'void_reason', type: 'text', nullable: true }) voidReason: string | null;
  @Column({ name: 'voided_by', type: 'text', nullable: true }) voidedBy: string | null;
}

/** A callback SMS invitation (短信回访) for one completed matter; at most one per application. */
@Entity({ name: 'sms_evaluation_invitation' })
export class SmsInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_number', type: 'varchar', length: 20, unique: true }) applicationNumber: string;
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'officer_username', type: 'text', nullable: true }) officerUsername: string | null;
  @Column({ name: 'officer_name', type: 'text', nullable: true }) officerName: string | null;
  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18, nullable: true }) applicantIdNumber: string | null;
  @Column({ name: 'invited_at', type: 'timestamptz' }) invitedAt: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}

/** Every inbound SMS reply taken (the provider's message id makes a redelivery a no-op). */
@Entity({ name: 'inbound_sms' })
export class InboundSmsEntity {
  @Column({ name: 'message_id', type: 'varchar', length: 100, primary: true }) messageId: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
