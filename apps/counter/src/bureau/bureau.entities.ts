import type { DistrictMonthReport } from '@onewindow/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PUSH_STATUSES = ['PENDING', 'DELIVERED', 'REFUSED'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/**
 * District side (区县分局): one closed month version (月报结账), the snapshot exactly as signed and
 * pushed, with the push's outcome. A correction is a new row with version + 1; rows are never edited
 * except for the push status.
 */
@Entity({ name: 'report_close' })
@Index('report_close_version_uq', ['districtCode', 'month', 'version'], { unique: true })
export class ReportCloseEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'int' }) version: number;
  /** The DistrictMonthReport as pushed (canonical JSON is computed from it). */
  @Column({ type: 'jsonb' }) report: DistrictMonthReport;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash: string;
  @Column({ name: 'row_count', type: 'int' }) rowCount: number;
  @Column({ name: 'closed_at', type: 'timestamptz' }) closedAt: Date;
  @Column({ name: 'closed_by', type: 'text' }) closedBy: string;
  @Column({ name: 'push_status', type: 'varchar', length: 12 }) pushStatus: PushStatus;
  @Column({ name: 'push_attempts', type: 'int', default: 0 }) pushAttempts: number;
  @Column({ name: 'last_push_at', type: 'timestamptz', nullable: true }) lastPushAt: Date | null;
  @Column({ name: 'push_error', type: 'text', nullable: true }) pushError: string | null;
  @Column({ name: 'bureau_received_at', type: 'timestamptz', nullable: true }) bureauReceivedAt: Date | null;
}

/** Bureau side (市局): every version every district pushed; the newest of a district × month counts. */
@Entity({ name: 'bureau_report' })
@Index('bureau_report_version_uq', ['districtCode', 'month', 'version'], { unique: true })
@Index('bureau_report_month_idx', ['month'])
export class BureauReportEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode: string;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) report: DistrictMonthReport;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash: string;
  @Column({ name: 'row_count', type: 'int' }) rowCount: number;
  @Column({ name: 'closed_at', type: 'timestamptz' }) closedAt: Date;
  @Column({ name: 'closed_by', type: 'text' }) closedBy: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
