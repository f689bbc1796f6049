import type { ComplaintKind } from '@onewindow/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RoutingTarget } from './routing.rules.js';

/** One published list of routing rules; the highest version applies, older ones are kept. */
@Entity({ name: 'complaint_routing_version' })
export class RoutingVersionEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) note: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'complaint_routing_rule' })
export class RoutingRuleEntity {
  @PrimaryColumn({ type: 'integer' }) version: number;
  @PrimaryColumn({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) kind: ComplaintKind | null;
  @Column({ name: 'police_type', type: 'varchar', length: 20, nullable: true }) policeType: string | null;
  @Column({ name: 'unit_prefix', type: 'varchar', length: 12, nullable: true }) unitPrefix: string | null;
  @Column({ type: 'varchar', length: 12 }) target: RoutingTarget;
  @Column({ name: 'target_unit_code', type: 'varchar', length: 12, nullable: true }) targetUnitCode: string | null;
}
