import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** VALID · CANCELLED (注销: death, surrender…) · REVOKED (吊销) · EXPIRED (recorded expiry; a VALID row past valid_until reads as EXPIRED). */
export const LICENCE_STATUSES = ['VALID', 'CANCELLED', 'REVOKED', 'EXPIRED'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/** A motor-vehicle driving licence (机动车驾驶证). At most one current (VALID/EXPIRED) licence per person. */
@Entity({ name: 'driving_licence' })
export class DrivingLicenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** 驾驶证号 = the holder's citizen ID number (Chinese practice). */
  @Column({ type: 'varchar', length: 18 }) number: string;
  @Column({ name: 'holder_name', type: 'text' }) holderName: string;
  /** 准驾车型, e.g. C1, C2, B2, A1, or combined such as A2D. */
  @Column({ name: 'licence_class', type: 'varchar', length: 20 }) licenceClass: string;
  /** 初次领证日期. */
  @Column({ name: 'first_issued_on', type: 'date' }) firstIssuedOn: string;
  /** Issue date of the document currently held (renewal, replacement and change re-issue it). */
  @Column({ name: 'issued_on', type: 'date' }) issuedOn: string;
  /** null = long-term (长期). */
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil: string | null;
  /** 记分 in the current scoring cycle. */
  @Column({ type: 'int', default: 0 }) points: number;
  @Column({ type: 'varchar', length: 10 }) status: LicenceStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true }) contactPhone: string | null;
  /** Jurisdiction: the unit that issued (or last re-issued) the licence. */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  /** The application whose result last changed the licence (applied once). */
  @Column({ name: 'last_application_number', type: 'varchar', length: 40, nullable: true }) lastApplicationNumber: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
