import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** OPEN (未处理) → DECIDED (处罚决定已作出, points recorded, fine due) → PAID (罚款已缴纳). */
export const VIOLATION_STATUSES = ['OPEN', 'DECIDED', 'PAID'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

/** A road-traffic violation (道路交通安全违法行为), recorded against a plate, a licence, or both. */
@Entity({ name: 'violation' })
export class ViolationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plate_number', type: 'varchar', length: 10, nullable: true }) plateNumber: string | null;
  /** The driver's licence number (= ID number); null for camera records until someone handles them. */
  @Column({ name: 'licence_number', type: 'varchar', length: 18, nullable: true }) licenceNumber: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) place: string;
  /** 违法代码. */
  @Column({ type: 'varchar', length: 10 }) code: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'fine_fen', type: 'int' }) fineFen: number;
  @Column({ type: 'int' }) points: number;
  @Column({ type: 'varchar', length: 10 }) status: ViolationStatus;
  /** 处罚决定书编号. */
  @Column({ name: 'decision_number', type: 'varchar', length: 40, nullable: true }) decisionNumber: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  /** 缴款凭证号 / payment reference. */
  @Column({ name: 'payment_reference', type: 'varchar', length: 64, nullable: true }) paymentReference: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'handled_by', type: 'text', nullable: true }) handledBy: string | null;
  /** Jurisdiction: the unit that recorded the violation. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
