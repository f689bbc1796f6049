import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MaterialVerificationOutcome } from './material-verification.js';

/** A material checked online with another department when the application was accepted (免提交). */
@Entity({ name: 'application_material_check' })
export class ApplicationMaterialCheckEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'material_code', type: 'text' }) materialCode: string;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'varchar', length: 20 }) outcome: MaterialVerificationOutcome;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt: Date;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'text', nullable: true }) detail: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
