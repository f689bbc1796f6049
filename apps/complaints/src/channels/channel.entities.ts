import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An SMS verification code of the online form (stored as an HMAC, never in clear). */
@Entity({ name: 'complaint_verification_code' })
export class VerificationCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 11 }) phone: string;
  @Column({ name: 'code_hash', type: 'varchar', length: 64 }) codeHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One counted request of a rate-limited public action (kept in PostgreSQL so replicas share the count). */
@Entity({ name: 'complaint_rate_limit_hit' })
export class RateLimitHitEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 80 }) bucket: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
