import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EndorsementChannel, EndorsementEntries, EndorsementType } from './document-kinds.js';

/** An endorsement (签注) on a HK/Macau or Taiwan permit. */
@Entity({ name: 'endorsement' })
export class EndorsementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber: string;

  @Column({ type: 'varchar', length: 16 })
  type: EndorsementType;

  @Column({ type: 'varchar', length: 8 })
  entries: EndorsementEntries;

  /** 香港 / 澳门 / 香港和澳门 / 台湾; null when the form does not say. */
  @Column({ type: 'text', nullable: true })
  destination: string | null;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ type: 'varchar', length: 12 })
  channel: EndorsementChannel;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true, unique: true })
  applicationNumber: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
