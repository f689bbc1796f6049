import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One checklist item of a template version (检查项). */
export interface ChecklistItem {
  code: string;
  text: string;
  /** What the inspector looks at (检查方法), shown beside the item. */
  method?: string;
}

/** One published version of an inspection checklist (日常巡查 / 月度检查 / 季度考核); versions are never changed. */
@Entity({ name: 'supervision_template' })
export class SupervisionTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) code: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'varchar', length: 12 }) cadence: string;
  @Column({ type: 'jsonb' }) items: ChecklistItem[];
  @Column({ name: 'published_by', type: 'text' }) publishedBy: string;
  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' }) publishedAt: Date;
}

/** The result of one item in an inspection. */
export interface InspectionItemResult {
  itemCode: string;
  itemText: string;
  /** PASS 合格 / PROBLEM 发现问题 / NOT_APPLICABLE 不适用. */
  result: string;
  note?: string | null;
}

/** An inspection of a unit by a supervisor, against the template version it used. */
@Entity({ name: 'supervision_inspection' })
@Index('supervision_inspection_unit_idx', ['unitCode', 'inspectedOn'])
export class SupervisionInspectionEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'template_code', type: 'varchar', length: 40 }) templateCode: string;
  @Column({ name: 'template_version', type: 'int' }) templateVersion: number;
  @Column({ name: 'template_name', type: 'text' }) templateName: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'inspected_on', type: 'date' }) inspectedOn: string;
  @Column({ name: 'inspector_sub', type: 'text' }) inspectorSub: string;
  @Column({ name: 'inspector_name', type: 'text' }) inspectorName: string;
  @Column({ name: 'inspector_unit', type: 'varchar', length: 12 }) inspectorUnit: string;
  @Column({ type: 'jsonb' }) results: InspectionItemResult[];
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

export interface FindingHistoryEntry {
  at: string;
  actorName: string;
  action: string;
  note?: string | null;
}

/** A finding (发现问题) of an inspection item, tracked to closure: 整改中 → 已整改 → 已销号 (or sent back). */
@Entity({ name: 'supervision_finding' })
@Index('supervision_finding_unit_idx', ['unitCode', 'status'])
export class SupervisionFindingEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'item_code', type: 'varchar', length: 40 }) itemCode: string;
  @Column({ name: 'item_text', type: 'text' }) itemText: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'officer_account', type: 'varchar', length: 64 }) officerAccount: string;
  @Column({ name: 'officer_name', type: 'text' }) officerName: string;
  @Column({ name: 'deadline_days', type: 'int' }) deadlineDays: number;
  @Column({ type: 'date' }) deadline: string;
  @Column({ name: 'deadline_provisional', type: 'boolean', default: false }) deadlineProvisional: boolean;
  /** RECTIFYING 整改中 / RECTIFIED 已整改 / CLOSED 已销号 (a sent-back finding is RECTIFYING again). */
  @Column({ type: 'varchar', length: 12 }) status: string;
  @Column({ type: 'text', nullable: true }) rectification: string | null;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ type: 'jsonb', default: [] }) history: FindingHistoryEntry[];
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** The inspector roster (检查人员名录) of 双随机一公开, managed by the city supervisor. */
@Entity({ name: 'supervision_inspector' })
export class SupervisionInspectorEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) account: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** One random draw (双随机抽查): its scope, its seed and what it drew. */
@Entity({ name: 'supervision_draw' })
export class SupervisionDrawEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'unit_prefix', type: 'varchar', length: 12 }) unitPrefix: string;
  @Column({ type: 'varchar', length: 7 }) month: string;
  @Column({ type: 'varchar', length: 64 }) seed: string;
  @Column({ name: 'case_count', type: 'int' }) caseCount: number;
  @Column({ name: 'inspector_count', type: 'int' }) inspectorCount: number;
  @Column({ name: 'case_pool_size', type: 'int' }) casePoolSize: number;
  @Column({ name: 'inspector_pool_size', type: 'int' }) inspectorPoolSize: number;
  @Column({ name: 'drawn_by_name', type: 'text' }) drawnByName: string;
  @Column({ name: 'drawn_at', type: 'timestamptz', default: () => 'now()' }) drawnAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

/** A case drawn and the inspector assigned to it, with the result once recorded. */
@Entity({ name: 'supervision_draw_case' })
export class SupervisionDrawCaseEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ name: 'draw_id', type: 'uuid' }) drawId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ name: 'case_number', type: 'text' }) caseNumber: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'police_type', type: 'varchar', length: 20 }) policeType: string;
  @Column({ name: 'item_code', type: 'text' }) itemCode: string;
  @Column({ name: 'item_name', type: 'text' }) itemName: string;
  @Column({ name: 'inspector_account', type: 'varchar', length: 64 }) inspectorAccount: string;
  @Column({ name: 'inspector_name', type: 'text' }) inspectorName: string;
  /** PENDING 待检查 / PASS 合格 / PROBLEM 发现问题. */
  @Column({ type: 'varchar', length: 12, default: 'PENDING' }) result: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
