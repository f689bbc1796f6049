import type { ComplaintFinding } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A point deduction (扣分) from a substantiated complaint: against the responsible unit and the
 * responsible officer, traced to the complaint, counted in the calendar year of `deductedOn`.
 * Never deleted: a reversal keeps the row with who, when and why.
 */
@Entity({ name: 'complaint_deduction' })
export class ComplaintDeductionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ name: 'complaint_number', type: 'varchar', length: 24 }) complaintNumber: string;
  @Column({ type: 'varchar', length: 24 }) finding: Extract<ComplaintFinding, 'SUBSTANTIATED' | 'PARTLY_SUBSTANTIATED'>;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'officer_username', type: 'text' }) officerUsername: string;
  @Column({ name: 'officer_name', type: 'text', nullable: true }) officerName: string | null;
  @Column({ name: 'unit_points', type: 'int' }) unitPoints: number;
  @Column({ name: 'officer_points', type: 'int' }) officerPoints: number;
  @Column({ name: 'deducted_on', type: 'date' }) deductedOn: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'deducted_by', type: 'text' }) deductedBy: string;
  @Column({ name: 'reversed_on', type: 'date', nullable: true }) reversedOn: string | null;
  @Column({ name: 'reversed_by', type: 'text', nullable: true }) reversedBy: string | null;
  @Column({ name: 'reversal_reason', type: 'text', nullable: true }) reversalReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
