import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AcceptOutcome = 'ACCEPTED' | 'MISSING_MATERIALS';

/**
 * One acceptance attempt at the window, by idempotency key: a replay (double click, network
 * retry) returns the stored result instead of asking the police service again.
 */
@Entity({ name: 'accept_request' })
export class AcceptRequestEntity {
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'actor_sub', type: 'text' })
  actorSub: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode: string;

  @Column({ type: 'varchar', length: 32 })
  service: string;

  @Column({ type: 'varchar', length: 20 })
  outcome: AcceptOutcome;

  @Column({ name: 'application_number', type: 'text', nullable: true })
  applicationNumber: string | null;

  @Column({ name: 'notice_number', type: 'text', nullable: true })
  noticeNumber: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
