import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The unified inbox: one row per application of any police type, projected from
 * `<service>.v1.application.changed` (and from the replies the counter itself receives).
 */
@Entity({ name: 'inbox_application' })
@Index('inbox_application_unit_idx', ['unitCode', 'deadline'])
@Index('inbox_application_applicant_idx', ['applicantIdNumber'])
export class InboxApplicationEntity {
  @PrimaryColumn({ type: 'text' })
  number: string;

  @Column({ name: 'police_type', type: 'varchar', length: 20 })
  policeType: string;

  @Column({ type: 'varchar', length: 32 })
  service: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName: string;

  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18 })
  applicantIdNumber: string;

  @Column({ name: 'applicant_name', type: 'text' })
  applicantName: string;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ name: 'deadline_state', type: 'varchar', length: 12 })
  deadlineState: string;

  @Column({ type: 'int' })
  version: number;

  /** The full ApplicationSnapshot as last seen. */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  /** The snapshot's own updatedAt (the producer's clock). */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'projected_at', type: 'timestamptz', default: () => 'now()' })
  projectedAt: Date;
}
