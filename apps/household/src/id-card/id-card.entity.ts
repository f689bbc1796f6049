import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type IdCardKind = 'RESIDENT' | 'TEMPORARY';
/** VALID: in use · REPLACED: superseded by a renewed/re-issued card · LOST: reported lost or stolen · CANCELLED: holder's hukou cancelled. */
export type IdCardStatus = 'VALID' | 'REPLACED' | 'LOST' | 'CANCELLED';

/** A resident or temporary ID card issued to a person on the register (居民身份证 / 临时居民身份证). */
@Entity({ name: 'id_card' })
export class IdCardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 10 })
  kind: IdCardKind;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** null = long-term (长期). */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'varchar', length: 10, default: 'VALID' })
  status: IdCardStatus;

  /** The application that produced the card; null for cards recorded before this system. */
  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true, unique: true })
  applicationNumber: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
