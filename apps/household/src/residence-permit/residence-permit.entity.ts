import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** VALID: in use (its use lapses, without a status change, once valid_until has passed) · REPLACED: superseded by 换领 · LOST: 补领 after loss. */
export type ResidencePermitStatus = 'VALID' | 'REPLACED' | 'LOST';

/**
 * A residence permit (居住证, 居住证暂行条例) issued to a person registered elsewhere. Its validity
 * runs a year from issue and is extended a year by each yearly endorsement (签注).
 */
@Entity({ name: 'residence_permit' })
export class ResidencePermitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Card number: issuing unit's address code + year + 6-digit sequence. */
  @Index({ unique: true }) @Column({ name: 'permit_number', type: 'varchar', length: 24 }) permitNumber: string;
  @Index() @Column({ name: 'holder_id_number', type: 'varchar', length: 18 }) holderIdNumber: string;
  @Column({ name: 'holder_name', type: 'text' }) holderName: string;
  @Column({ name: 'holder_phone', type: 'text', nullable: true }) holderPhone: string | null;
  @Column({ type: 'text' }) address: string;
  /** Issuing police station (jurisdiction of the record). */
  @Index() @Column({ name: 'issuing_unit_code', type: 'varchar', length: 12 }) issuingUnitCode: string;
  @Column({ name: 'issuing_unit_name', type: 'text' }) issuingUnitName: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @Column({ type: 'varchar', length: 10, default: 'VALID' }) status: ResidencePermitStatus;
  /** The application that issued it (申领, or 换领/补领 for a replacement card). */
  @Index({ unique: true }) @Column({ name: 'application_number', type: 'varchar', length: 40 }) applicationNumber: string;
  /** The card this one replaced. */
  @Column({ name: 'replaces_permit_number', type: 'varchar', length: 24, nullable: true }) replacesPermitNumber: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One yearly endorsement (签注) of a residence permit: the validity it set. */
@Entity({ name: 'residence_permit_endorsement' })
export class ResidencePermitEndorsementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ name: 'permit_id', type: 'uuid' }) permitId: string;
  @Column({ name: 'endorsed_on', type: 'date' }) endorsedOn: string;
  @Column({ name: 'previous_valid_until', type: 'date' }) previousValidUntil: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @Index({ unique: true }) @Column({ name: 'application_number', type: 'varchar', length: 40 }) applicationNumber: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
