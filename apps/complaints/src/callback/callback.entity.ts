import type { CallbackStatus } from '@onewindow/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CallbackDeadlineState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'DONE';

/** A callback-and-verify task (回访核实) opened by a bad review, for the responsible unit's supervisor. */
@Entity({ name: 'callback_task' })
export class CallbackTaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'evaluation_id', type: 'uuid', unique: true }) evaluationId: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'officer_username', type: 'text', nullable: true }) officerUsername: string | null;
  @Column({ type: 'varchar', length: 12 }) status: CallbackStatus;
  @Column({ name: 'opened_on', type: 'date' }) openedOn: string;
  /** Call the evaluator back by (1 working day). */
  @Column({ name: 'callback_due', type: 'date' }) callbackDue: string;
  /** Rectify or explain by (configurable working days, per city). */
  @Column({ name: 'resolve_due', type: 'date' }) resolveDue: string;
  @Column({ name: 'deadline_state', type: 'varchar', length: 10 }) deadlineState: CallbackDeadlineState;
  @Column({ name: 'callback_note', type: 'text', nullable: true }) callbackNote: string | null;
  @Column({ name: 'called_back_on', type: 'date', nullable: true }) calledBackOn: string | null;
  @Column({ name: 'called_back_by', type: 'text', nullable: true }) calledBackBy: string | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ name: 'resolved_on', type: 'date', nullable: true }) resolvedOn: string | null;
  @Column({ name: 'resolved_by', type: 'text', nullable: true }) resolvedBy: string | null;
  /** Whether the evaluator was sent the outcome by SMS (false when no phone is known). */
  @Column({ name: 'evaluator_notified', type: 'boolean', default: false }) evaluatorNotified: boolean;
}
