import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';

/** States of a booking (预约). */
export const APPOINTMENT_STATES = ['BOOKED', 'CANCELLED', 'CLOSED', 'CHECKED_IN', 'NO_SHOW'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/**
 * `counter.v1.appointment.changed` (EventSubjects.appointmentChanged): a booking was made, moved,
 * cancelled (by the citizen or by a closure), checked in or marked no-show. For hall figures;
 * no personal data (no name, phone or ID number; the booking number is not in it either).
 */
export class AppointmentChangedEvent {
  @IsString() id!: string;
  @Matches(/^\d{9}$/) unitCode!: string;
  @IsString() itemCode!: string;
  /** The slot's date, YYYY-MM-DD. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  /** The slot's start, HH:MM. */
  @Matches(/^\d{2}:\d{2}$/) slot!: string;
  @IsIn(APPOINTMENT_STATES) state!: AppointmentState;
  @IsIn(['ONLINE', 'HOTLINE']) channel!: 'ONLINE' | 'HOTLINE';
  /** Checked in within its slot (priority ticket) — only meaningful when state = CHECKED_IN. */
  @IsBoolean() onTime!: boolean;
  @IsString() at!: string;
}
