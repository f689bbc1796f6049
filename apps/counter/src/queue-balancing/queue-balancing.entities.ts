import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProposedWindow } from './balancing-rules.js';

/** A station's balancing thresholds (data, not code); DEFAULT_THRESHOLDS apply while it has no row. */
@Entity({ name: 'queue_balancing_setting' })
export class QueueBalancingSettingEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'min_waiting', type: 'int' }) minWaiting: number;
  @Column({ name: 'max_wait_minutes', type: 'int' }) maxWaitMinutes: number;
  @Column({ name: 'short_queue', type: 'int' }) shortQueue: number;
  @Column({ name: 'target_per_window', type: 'int' }) targetPerWindow: number;
  @Column({ name: 'updated_by', type: 'text' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/**
 * A balancing proposal (忙闲调配建议) for one situation: a service group of a station waiting past
 * the thresholds while other windows are idle. OPEN until a supervisor accepts or declines it, or
 * the situation ends (EXPIRED). `situation_ended_at` stays null while the situation lasts, so the
 * job proposes once per situation (a unique index holds it).
 */
@Entity({ name: 'queue_rebalance_proposal' })
@Index('queue_rebalance_proposal_unit_idx', ['unitCode', 'proposedAt'])
export class QueueRebalanceProposalEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'group_code', type: 'varchar', length: 20 }) groupCode: string;
  /** OPEN / ACCEPTED / DECLINED / EXPIRED. */
  @Column({ type: 'varchar', length: 10 }) status: string;
  @Column({ type: 'int' }) waiting: number;
  @Column({ name: 'oldest_wait_minutes', type: 'int' }) oldestWaitMinutes: number;
  @Column({ name: 'serving_windows', type: 'int' }) servingWindows: number;
  @Column({ type: 'jsonb' }) windows: ProposedWindow[];
  @Column({ type: 'text' }) reason: string;
  /** ON_DEMAND (a supervisor asked) or JOB (the periodic check). */
  @Column({ type: 'varchar', length: 10 }) trigger: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by_sub', type: 'text', nullable: true }) decidedBySub: string | null;
  @Column({ name: 'decided_by_name', type: 'text', nullable: true }) decidedByName: string | null;
  /** Why it was declined (required then), or a note on acceptance. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  /** The windows actually reassigned on acceptance (a window gone since the proposal is skipped). */
  @Column({ name: 'applied_window_ids', type: 'uuid', array: true, default: () => "'{}'" }) appliedWindowIds: string[];
  @Column({ name: 'situation_ended_at', type: 'timestamptz', nullable: true }) situationEndedAt: Date | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
