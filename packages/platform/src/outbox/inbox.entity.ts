import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Messages a durable consumer has already applied; the primary key makes handling idempotent. */
@Entity({ name: 'inbox' })
export class InboxEntity {
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'processed_at', type: 'timestamptz', insert: false, update: false })
  processedAt: Date;
}
