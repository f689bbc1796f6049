import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export type SmsStatus = 'QUEUED' | 'SENT' | 'FAILED';

/** One SMS to a citizen: queued with the state change that triggers it, delivered by the sender. */
@Entity({ name: 'sms_message' })
@Unique('sms_message_application_status_uq', ['applicationNumber', 'triggerStatus'])
export class SmsMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Full number (needed to send); every read model masks it. */
  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ name: 'application_number', type: 'text', nullable: true })
  applicationNumber: string | null;

  /** The application status that triggered it; with the number, at most one SMS per status. */
  @Column({ name: 'trigger_status', type: 'varchar', length: 120, nullable: true })
  triggerStatus: string | null;

  /** Unit of the application (jurisdiction of who may list it). */
  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @Column({ type: 'varchar', length: 8, default: 'QUEUED' })
  status: SmsStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
