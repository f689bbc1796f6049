import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SixNoticeSection, SixNotices } from './notice-guide.js';

export type OneTimeNoticeStatus = 'OPEN' | 'RESOLVED';

export interface NoticeMaterial {
  code: string;
  name: string;
  note?: string;
}

/** 一次性告知单: what the citizen must still bring, issued at the window and printed. */
@Entity({ name: 'one_time_notice' })
@Index('one_time_notice_unit_idx', ['unitCode', 'issuedAt'])
@Index('one_time_notice_applicant_idx', ['applicantIdNumber'])
export class OneTimeNoticeEntity {
  @PrimaryColumn({ type: 'text' })
  number: string;

  @Column({ name: 'police_type', type: 'varchar', length: 20 })
  policeType: string;

  @Column({ type: 'varchar', length: 32 })
  service: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode: string;

  @Column({ name: 'item_name', type: 'text' })
  itemName: string;

  /** Full number (kept to match the second visit); exposed masked. */
  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18 })
  applicantIdNumber: string;

  @Column({ name: 'applicant_name', type: 'text', nullable: true })
  applicantName: string | null;

  @Column({ name: 'missing_materials', type: 'jsonb' })
  missingMaterials: NoticeMaterial[];

  @Column({ name: 'presented_materials', type: 'jsonb' })
  presentedMaterials: NoticeMaterial[];

  /** 六告知 as printed on the day of issue (the catalog may change later). */
  @Column({ name: 'six_notices', type: 'jsonb' })
  sixNotices: { sections: SixNoticeSection[]; print: SixNotices };

  @Column({ name: 'clerk_sub', type: 'text' })
  clerkSub: string;

  @Column({ name: 'clerk_username', type: 'text' })
  clerkUsername: string;

  @Column({ name: 'clerk_name', type: 'text' })
  clerkName: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 12 })
  unitCode: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: OneTimeNoticeStatus;

  @Column({ name: 'resolved_application_number', type: 'text', nullable: true })
  resolvedApplicationNumber: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
