import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One line of a transfer's timeline as the counter shows it (merged from both sides' events). */
export interface TransferViewTimelineEntry {
  at: string;
  actorName: string;
  action: string;
  note?: string | null;
  /** The service whose event reported it. */
  service: string;
}

/**
 * Every cross-police-type transfer, one row each, projected from the `transfer.*` events of every
 * police-type stream. Events of one transfer come from two streams, so a row may be created by
 * any of them; request facts (case, unit, …) are null until the request event is seen.
 */
@Entity({ name: 'transfer_view' })
@Index('transfer_view_unit_idx', ['unitCode'])
@Index('transfer_view_case_idx', ['caseRef'])
export class TransferViewEntity {
  @PrimaryColumn({ name: 'transfer_id', type: 'uuid' }) transferId: string;
  @Column({ name: 'from_service', type: 'varchar', length: 32 }) fromService: string;
  @Column({ name: 'to_service', type: 'varchar', length: 32 }) toService: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) kind: string | null;
  @Column({ name: 'case_ref', type: 'varchar', length: 40, nullable: true }) caseRef: string | null;
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18, nullable: true }) subjectIdNumber: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: [] }) attachments: { name: string; ref: string }[];
  @Column({ name: 'requested_deadline', type: 'date', nullable: true }) requestedDeadline: string | null;
  @Column({ type: 'varchar', length: 12 }) status: string;
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ name: 'refusal_reason', type: 'text', nullable: true }) refusalReason: string | null;
  /** The requesting unit. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12, nullable: true }) unitCode: string | null;
  /** The unit of whoever signed for / reported on it at the receiving police type. */
  @Column({ name: 'handled_unit_code', type: 'varchar', length: 12, nullable: true }) handledUnitCode: string | null;
  @Column({ name: 'requested_by_name', type: 'text', nullable: true }) requestedByName: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true }) requestedAt: Date | null;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ type: 'jsonb', default: [] }) timeline: TransferViewTimelineEntry[];
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
