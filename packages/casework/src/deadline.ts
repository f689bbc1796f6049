import type { ApplicationStatus, ClockStopStatus, DeadlineState } from '@onewindow/contracts';
import { addTimeLimit, type DeadlineResult, type TimeLimit, type WorkingCalendar } from '@onewindow/calendar';

/** Statuses that end every case's clock, whatever the item: refused, withdrawn, closed. */
const ENDED: readonly ApplicationStatus[] = ['REJECTED', 'WITHDRAWN', 'CLOSED'];

/** How far along the way to issuance a status is; the clock stops at the item's step or later. */
const PROGRESS: Partial<Record<ApplicationStatus, number>> = { APPROVED: 1, READY_FOR_PICKUP: 2, DELIVERED: 3 };

/**
 * True once the case has reached the step that ends its clock (限时办结). An ID card's 60 days run
 * until the card is made (READY_FOR_PICKUP): an approved card never produced is still running.
 */
export function clockEnded(status: ApplicationStatus, clockStopsAt: ClockStopStatus = 'APPROVED'): boolean {
  if (ENDED.includes(status)) return true;
  return (PROGRESS[status] ?? 0) >= (PROGRESS[clockStopsAt] ?? 1);
}

/**
 * Where a case stands against its time limit (限时办结): done once its clock-ending step is
 * reached, paused while waiting on the citizen (补正), overdue after the deadline, due soon within
 * one working day.
 */
export function deadlineStateOf(
  cal: WorkingCalendar,
  input: { status: ApplicationStatus; deadline: string; clockStoppedSince: string | null; clockStopsAt?: ClockStopStatus },
  today: string,
): DeadlineState {
  if (clockEnded(input.status, input.clockStopsAt)) return 'DONE';
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

/** What moved a deadline after acceptance, in order: a 补正 pause, or an approved 延期. */
export type DeadlineMove = { kind: 'PAUSE'; stoppedSince: string; resumedOn: string } | { kind: 'EXTEND'; workingDays: number };

/**
 * The deadline of a limit started on `start`, replayed through its pauses and extensions on
 * `cal`: the same steps acceptance, 补正 and 延期 took, so a deadline computed while a year had no
 * published calendar can be recomputed once it has.
 */
export function replayDeadline(cal: WorkingCalendar, start: string, limit: TimeLimit, moves: readonly DeadlineMove[]): DeadlineResult {
  const first = addTimeLimit(cal, start, limit);
  let date = first.date;
  let provisional = first.provisional;
  for (const move of moves) {
    if (move.kind === 'PAUSE') {
      const r = resumeDeadline(cal, date, move.stoppedSince, move.resumedOn);
      date = r.deadline;
      provisional ||= r.provisional;
    } else if (move.workingDays > 0) {
      const r = cal.addWorkingDays(date, move.workingDays);
      date = r.date;
      provisional ||= r.provisional;
    }
  }
  return { date, provisional };
}

/** Timeline entries as the casework core writes them (only the fields the replay reads). */
export interface DeadlineTimelineEntry {
  action: string;
  details?: Record<string, unknown> | null;
}

/** The pauses and extensions recorded on a case's timeline, in order. */
export function deadlineMovesOf(timeline: readonly DeadlineTimelineEntry[]): DeadlineMove[] {
  const moves: DeadlineMove[] = [];
  let stoppedSince: string | null = null;
  for (const e of timeline) {
    const d = e.details ?? {};
    if (e.action === 'REQUEST_SUPPLEMENT' && typeof d['clockStopped'] === 'string') stoppedSince = d['clockStopped'];
    if (e.action === 'SUPPLEMENT_RECEIVED' && typeof d['clockResumed'] === 'string') {
      const since = typeof d['clockStoppedSince'] === 'string' ? d['clockStoppedSince'] : stoppedSince;
      if (since) moves.push({ kind: 'PAUSE', stoppedSince: since, resumedOn: d['clockResumed'] });
      stoppedSince = null;
    }
    if (e.action === 'APPROVE_EXTENSION' && typeof d['extensionDays'] === 'number') moves.push({ kind: 'EXTEND', workingDays: d['extensionDays'] });
  }
  return moves;
}
