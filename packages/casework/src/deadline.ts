import type { ApplicationStatus, DeadlineState } from '@onewindow/contracts';
import type { WorkingCalendar } from '@onewindow/calendar';

const DONE: readonly ApplicationStatus[] = ['READY_FOR_PICKUP', 'DELIVERED', 'CLOSED', 'REJECTED', 'WITHDRAWN', 'APPROVED'];

/**
 * Where a case stands against its time limit (限时办结): done once decided, paused while waiting on
 * the citizen (补正), overdue after the deadline, due soon within one working day.
 */
export function deadlineStateOf(
  cal: WorkingCalendar,
  input: { status: ApplicationStatus; deadline: string; clockStoppedSince: string | null },
  today: string,
): DeadlineState {
  if (DONE.includes(input.status)) return 'DONE';
  if (input.clockStoppedSince) return 'PAUSED';
  if (today > input.deadline) return 'OVERDUE';
  if (cal.workingDaysBetween(today, input.deadline) <= 1) return 'DUE_SOON';
  return 'ON_TIME';
}

/**
 * When the clock resumes after 补正, the deadline moves by the working days the case waited
 * (the day the clock stopped counts as waited if it was a working day after the stop was recorded).
 */
export function resumeDeadline(cal: WorkingCalendar, deadline: string, stoppedSince: string, today: string): { deadline: string; provisional: boolean; pausedWorkingDays: number } {
  const paused = Math.max(0, cal.workingDaysBetween(stoppedSince, today));
  if (paused === 0) return { deadline, provisional: false, pausedWorkingDays: 0 };
  const moved = cal.addWorkingDays(deadline, paused);
  return { deadline: moved.date, provisional: moved.provisional, pausedWorkingDays: paused };
}
