import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { HolderKind, PermitKind, PermitStatus } from './permit-kinds.js';

/**
 * A permit or licence in the public-security register (许可证登记簿). A person's permit carries the
 * holder's ID number; a company's carries its unified social credit code (and the legal
 * representative's ID number, so a representative's death can put it under review).
 */
@Entity({ name: 'permit' })
export class PermitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 32 }) number: string;
  @Column({ type: 'varchar', length: 24 }) kind: PermitKind;
  @Column({ name: 'holder_kind', type: 'varchar', length: 8 }) holderKind: HolderKind;
  @Index() @Column({ name: 'holder_id_number', type: 'varchar', length: 18, nullable: true }) holderIdNumber: string | null;
  @Index() @Column({ name: 'holder_credit_code', type: 'varchar', length: 18, nullable: true }) holderCreditCode: string | null;
  @Column({ name: 'holder_name', type: 'text' }) holderName: string;
  @Index() @Column({ name: 'legal_rep_id_number', type: 'varchar', length: 18, nullable: true }) legalRepIdNumber: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  /** null = no fixed term (长期). */
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'varchar', length: 16 }) status: PermitStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  /** Issuing unit (jurisdiction). */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** The application that produced it; null for permits recorded before this system. */
  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true, unique: true }) applicationNumber: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One status change of a permit: who, when, why. Append-only. */
@Entity({ name: 'permit_event' })
export class PermitEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Index() @Column({ name: 'permit_id', type: 'uuid' }) permitId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true }) fromStatus: PermitStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 16 }) toStatus: PermitStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
}
