import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One booking (预约). Name and phone are personal data: masked in lists, full reads audited, never in events. */
@Entity({ name: 'appointment' })
export class AppointmentEntity {
  @PrimaryColumn('uuid') id: string;
  /** 预约号 YY + yymmdd of the slot + 4-digit sequence; the citizen's handle for cancel / reschedule / rebooking. */
  @Column({ type: 'varchar', length: 16, unique: true }) number: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'item_code', type: 'varchar', length: 64 }) itemCode: string;
  @Column({ name: 'item_name', type: 'text' }) itemName: string;
  @Column({ type: 'date' }) date: string;
  @Column({ name: 'slot_start', type: 'varchar', length: 5 }) slotStart: string;
  @Column({ name: 'slot_end', type: 'varchar', length: 5 }) slotEnd: string;
  @Column({ name: 'citizen_name', type: 'text' }) citizenName: string;
  @Column({ type: 'varchar', length: 11 }) phone: string;
  /** ONLINE (网上, SMS code) or HOTLINE (96166, a clerk books for the caller). */
  @Column({ type: 'varchar', length: 8 }) channel: 'ONLINE' | 'HOTLINE';
  /** BOOKED → CHECKED_IN | CANCELLED | CLOSED (cancelled by a closure; may be rebooked) | NO_SHOW. */
  @Column({ type: 'varchar', length: 12 }) state: 'BOOKED' | 'CANCELLED' | 'CLOSED' | 'CHECKED_IN' | 'NO_SHOW';
  @Column({ name: 'ticket_number', type: 'varchar', length: 12, nullable: true }) ticketNumber: string | null;
  /** Checked in within its slot (priority ticket) or late (ordinary ticket). */
  @Column({ name: 'on_time', type: 'boolean', nullable: true }) onTime: boolean | null;
  @Column({ name: 'booked_by', type: 'text' }) bookedBy: string;
  @Column({ name: 'closure_id', type: 'uuid', nullable: true }) closureId: string | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** How many places of one slot are taken; the row is locked to book, so a slot is never oversold. */
@Entity({ name: 'appointment_slot' })
export class AppointmentSlotEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @PrimaryColumn({ name: 'item_code', type: 'varchar', length: 64 }) itemCode: string;
  @PrimaryColumn({ type: 'date' }) date: string;
  @PrimaryColumn({ name: 'slot_start', type: 'varchar', length: 5 }) slotStart: string;
  @Column({ type: 'integer' }) capacity: number;
  @Column({ type: 'integer' }) booked: number;
}

/** A closure or extra holiday (临时闭厅) added by a supervisor: a date range, the whole station or some items. */
@Entity({ name: 'appointment_closure' })
export class AppointmentClosureEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'unit_code', type: 'varchar', length: 12 }) unitCode: string;
  @Column({ name: 'date_from', type: 'date' }) dateFrom: string;
  @Column({ name: 'date_to', type: 'date' }) dateTo: string;
  /** Empty: the whole station. */
  @Column({ name: 'item_codes', type: 'jsonb' }) itemCodes: string[];
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'cancelled_count', type: 'integer' }) cancelledCount: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
