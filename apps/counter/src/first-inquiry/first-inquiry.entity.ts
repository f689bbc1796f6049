import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A first-inquiry record (首问登记): the first officer approached records an inquiry that did not
 * become an application — who asked, how to reach them, when, about what, and the answer given or
 * the unit and contact the person was directed to. A later complaint may cite its number.
 */
@Entity({ name: 'first_inquiry' })
@Index('first_inquiry_unit_idx', ['unitCode', 'inquiredAt'])
@Index('first_inquiry_officer_idx', ['officerAccount', 'inquiredAt'])
export class FirstInquiryEntity {
  /** SW-yyyymmdd-nnnn, per day. */
  @PrimaryColumn({ type: 'varchar', length: 20 }) number: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'officer_account', type: 'varchar', length: 64 }) officerAccount: string;
  @Column({ name: 'officer_name', type: 'text' }) officerName: string;
  @Column({ name: 'person_name', type: 'text' }) personName: string;
  @Column({ type: 'varchar', length: 20 }) contact: string;
  @Column({ name: 'inquired_at', type: 'timestamptz' }) inquiredAt: Date;
  @Column({ type: 'text' }) matter: string;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'directed_unit', type: 'text', nullable: true }) directedUnit: string | null;
  @Column({ name: 'directed_contact', type: 'text', nullable: true }) directedContact: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
