import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus } from './document-kinds.js';

/** A passport or HK/Macau/Taiwan permit issued to a mainland resident (出入境证件). */
@Entity({ name: 'travel_document' })
export class TravelDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 12 })
  number: string;

  @Column({ type: 'varchar', length: 12 })
  kind: DocumentKind;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ type: 'varchar', length: 10, default: 'VALID' })
  status: DocumentStatus;

  /** Business date of the last status change (cancellation, loss, replacement). */
  @Column({ name: 'status_changed_on', type: 'date', nullable: true })
  statusChangedOn: string | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** Issuing unit (jurisdiction of the record). */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  /** The application that produced the document; null for documents recorded before this system. */
  @Column({ name: 'application_number', type: 'varchar', length: 40, nullable: true, unique: true })
  applicationNumber: string | null;

  /** The document this one superseded (renewal or replacement). */
  @Column({ name: 'replaces_document_id', type: 'uuid', nullable: true })
  replacesDocumentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
