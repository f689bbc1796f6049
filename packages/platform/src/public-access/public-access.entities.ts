import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time SMS code confirming a mobile number for one public purpose (预约, 办理进度查询, …). */
@Entity({ name: 'phone_code' })
export class PhoneCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) purpose: string;
  /** HMAC of the number: the table does not list citizens' mobiles. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64 }) phoneHash: string;
  /** HMAC of number, purpose and code: a leaked table does not give the codes away. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 }) codeHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One counted request of a rate-limited public operation (sliding window, shared by replicas). */
@Entity({ name: 'rate_limit_hit' })
export class RateLimitHitEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 120 }) bucket: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
