import type { WorkingCalendar } from '@onewindow/calendar';

/** Finding states: 整改中 → 已整改 → 已销号; a rectification sent back goes to 整改中 again. */
export const FINDING_STATUSES = ['RECTIFYING', 'RECTIFIED', 'CLOSED'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type FindingStep = 'REPORT' | 'VERIFY' | 'SEND_BACK';

/** Rectification periods a supervisor may set, in working days (整改期限). */
export const MIN_RECTIFICATION_DAYS = 1;
export const MAX_RECTIFICATION_DAYS = 60;

export function validRectificationDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_RECTIFICATION_DAYS && days <= MAX_RECTIFICATION_DAYS;
}

/** The deadline: `days` working days after the inspection day (the start day is not counted). */
export function rectificationDeadline(cal: WorkingCalendar, inspectedOn: string, days: number): { date: string; provisional: boolean } {
  return cal.addWorkingDays(inspectedOn, days);
}

/** The state a step leads to, or null when the finding's state does not allow it. */
export function nextFindingStatus(status: FindingStatus, step: FindingStep): FindingStatus | null {
  if (step === 'REPORT') return status === 'RECTIFYING' ? 'RECTIFIED' : null;
  if (step === 'VERIFY') return status === 'RECTIFIED' ? 'CLOSED' : null;
  return status === 'RECTIFIED' ? 'RECTIFYING' : null;
}

/** Overdue: not yet reported as rectified and past its deadline (a reported one waits on the supervisor, not the unit). */
export function isFindingOverdue(status: FindingStatus, deadline: string, today: string): boolean {
  return status === 'RECTIFYING' && deadline < today;
}
