import type { ServiceName, TransferAttachment, TransferKind, TransferStatus } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export type TransferDirection = 'OUTBOUND' | 'INBOUND';

/** One line of a transfer's timeline (who did what, when). */
export interface TransferTimelineEntry {
  at: string;
  actorName: string;
  action: string;
  note?: string | null;
}

/** Who requested a transfer (kept so the receiving side can show it and reply to the right unit). */
export interface TransferRequester {
  sub: string;
  name: string;
  unitCode: string;
}

/**
 * One side of a cross-police-type transfer (跨警种移交): the sender keeps an OUTBOUND row, the
 * receiver an INBOUND row with the same transfer_id. Each service owns its own rows.
 */
@Entity({ name: 'transfer' })
@Unique('transfer_side_uq', ['transferId', 'direction'])
export class TransferEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'transfer_id', type: 'uuid' }) transferId: string;
  @Column({ type: 'varchar', length: 8 }) direction: TransferDirection;
  @Column({ name: 'from_service', type: 'varchar', length: 32 }) fromService: ServiceName;
  @Column({ name: 'to_service', type: 'varchar', length: 32 }) toService: ServiceName;
  @Column({ type: 'varchar', length: 20 }) kind: TransferKind;
  @Index('transfer_case_ref_idx') @Column({ name: 'case_ref', type: 'varchar', length: 40 }) caseRef: string;
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18, nullable: true }) subjectIdNumber: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'jsonb', default: [] }) attachments: TransferAttachment[];
  @Column({ name: 'requested_deadline_days', type: 'int' }) requestedDeadlineDays: number;
  @Column({ name: 'requested_deadline', type: 'date' }) requestedDeadline: string;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
  @Column({ type: 'varchar', length: 12 }) status: TransferStatus;
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ name: 'result_details', type: 'jsonb', nullable: true }) resultDetails: Record<string, unknown> | null;
  @Column({ name: 'refusal_reason', type: 'text', nullable: true }) refusalReason: string | null;
  /** The requesting unit: both sides scope the transfer to the jurisdiction where it was raised. */
  @Index('transfer_unit_code_idx') @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'requested_by', type: 'jsonb' }) requestedBy: TransferRequester;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ type: 'jsonb', default: [] }) timeline: TransferTimelineEntry[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
