import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILURE';

/** One read (or other important action) on personal data: who, when, unit, what, why, result. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_sub', type: 'text' })
  actorSub: string;

  @Column({ name: 'actor_username', type: 'text' })
  actorUsername: string;

  @Column({ name: 'actor_unit', type: 'text' })
  actorUnit: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_ref', type: 'text' })
  subjectRef: string;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  /** Hash of the row before this one (64 zeros for the first); set by the database's trigger. */
  @Column({ name: 'prev_hash', type: 'text', insert: false, update: false })
  prevHash: string;

  /** SHA-256 over this row's fields and `prevHash` (decision 0027); set by the database's trigger. */
  @Column({ type: 'text', insert: false, update: false })
  hash: string;
}
