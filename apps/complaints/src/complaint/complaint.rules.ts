import { plusDays, type WorkingCalendar } from '@onewindow/calendar';
import type { ComplaintDeadlineState, ComplaintKind, ComplaintStatus } from '@onewindow/contracts';
import { ComplaintErrorCode as Code, ComplaintException } from './complaint.exception.js';

/*
 * The pure rules of a complaint (信访工作条例 2022): time limits in CALENDAR days from the day
 * after the start (a period ending on a rest day or holiday ends on the next working day), the
 * lifecycle table, and what counts as a repeat of the same matter. No NestJS, no SQL.
 */

/** Decide whether to accept within 15 days of receipt (Art. 24). */
export const ACCEPTANCE_DAYS = 15;
/** Finish within 60 days of acceptance (Art. 36). */
export const ANSWER_DAYS = 60;
/** One extension of up to 30 days, approved by the supervisor, with a notice to the complainant (Art. 36). */
export const EXTENSION_DAYS = 30;
/** A disputed answer is re-examined within 30 days (复查, Art. 35). */
export const REOPEN_DAYS = 30;
/** The same person with the same matter within this many days is one matter, not two. */
export const REPEAT_WINDOW_DAYS = 90;
/** Calendar days before a deadline from which a complaint is flagged DUE_SOON on the workbench. */
export const DUE_SOON_DAYS = 3;

export type ComplaintCommand = 'ACCEPT' | 'NOT_ACCEPT' | 'ANSWER' | 'REQUEST_EXTENSION' | 'APPROVE_EXTENSION' | 'REOPEN' | 'CLOSE';

/** From which statuses each command may run, and the status it leaves (extensions keep it). */
export const LIFECYCLE: Readonly<Record<ComplaintCommand, { from: readonly ComplaintStatus[]; to: ComplaintStatus | 'SAME' }>> = {
  ACCEPT: { from: ['RECEIVED'], to: 'ACCEPTED' },
  NOT_ACCEPT: { from: ['RECEIVED'], to: 'NOT_ACCEPTED' },
  ANSWER: { from: ['ACCEPTED', 'REOPENED'], to: 'ANSWERED' },
  REQUEST_EXTENSION: { from: ['ACCEPTED', 'REOPENED'], to: 'SAME' },
  APPROVE_EXTENSION: { from: ['ACCEPTED', 'REOPENED'], to: 'SAME' },
  REOPEN: { from: ['ANSWERED'], to: 'REOPENED' },
  CLOSE: { from: ['ANSWERED', 'NOT_ACCEPTED'], to: 'CLOSED' },
};

const STATUS_LABELS: Record<ComplaintStatus, string> = {
  RECEIVED: '已登记', ACCEPTED: '已受理', NOT_ACCEPTED: '不予受理', ANSWERED: '已答复', REOPENED: '复查中', CLOSED: '已办结',
};
const COMMAND_LABELS: Record<ComplaintCommand, string> = {
  ACCEPT: '受理', NOT_ACCEPT: '不予受理', ANSWER: '答复', REQUEST_EXTENSION: '申请延期', APPROVE_EXTENSION: '批准延期', REOPEN: '重新办理', CLOSE: '办结',
};

/** The status after `command`, or COMPLAINT_INVALID_TRANSITION. */
export function nextStatus(status: ComplaintStatus, command: ComplaintCommand): ComplaintStatus {
  const rule = LIFECYCLE[command];
  if (!rule.from.includes(status)) {
    throw new ComplaintException(Code.COMPLAINT_INVALID_TRANSITION, `信访事项当前为“${STATUS_LABELS[status]}”，不能${COMMAND_LABELS[command]}`, { status, command });
  }
  return rule.to === 'SAME' ? status : rule.to;
}

/** `days` calendar days after `from` (the start day not counted), moved to the next working day when it ends on a rest day. */
export function calendarPeriodEnd(cal: WorkingCalendar, from: string, days: number): string {
  const raw = plusDays(from, days);
  return cal.isWorkingDay(raw) ? raw : cal.nextWorkingDay(raw);
}

export const acceptanceDeadline = (cal: WorkingCalendar, receivedOn: string) => calendarPeriodEnd(cal, receivedOn, ACCEPTANCE_DAYS);
export const answerDeadline = (cal: WorkingCalendar, acceptedOn: string) => calendarPeriodEnd(cal, acceptedOn, ANSWER_DAYS);
/** The extended period runs 60 + 30 days from acceptance (the extension lengthens the period, not its rest-day end). */
export const extendedAnswerDeadline = (cal: WorkingCalendar, acceptedOn: string) => calendarPeriodEnd(cal, acceptedOn, ANSWER_DAYS + EXTENSION_DAYS);
export const reopenedAnswerDeadline = (cal: WorkingCalendar, reopenedOn: string) => calendarPeriodEnd(cal, reopenedOn, REOPEN_DAYS);

/** Statuses whose clock has ended: nothing more is due from the bureau. */
const DONE: readonly ComplaintStatus[] = ['NOT_ACCEPTED', 'ANSWERED', 'CLOSED'];

/** The deadline that applies in a status: acceptance while received, the answer deadline while being worked. */
export function currentDeadline(c: { status: ComplaintStatus; acceptanceDeadline: string; answerDeadline: string | null }): string | null {
  if (DONE.includes(c.status)) return null;
  return c.status === 'RECEIVED' ? c.acceptanceDeadline : c.answerDeadline;
}

/** ON_TIME, DUE_SOON (the deadline is within three calendar days), OVERDUE (after it) or DONE. */
export function deadlineStateOf(c: { status: ComplaintStatus; deadline: string | null }, today: string): ComplaintDeadlineState {
  if (DONE.includes(c.status) || !c.deadline) return 'DONE';
  if (today > c.deadline) return 'OVERDUE';
  if (plusDays(today, DUE_SOON_DAYS) >= c.deadline) return 'DUE_SOON';
  return 'ON_TIME';
}

/** What identifies a matter: who (phone or ID number) and what (the application, else unit and kind). */
export interface MatterKey {
  complainantPhone: string;
  complainantIdNumber: string | null;
  applicationNumber: string | null;
  unitCode: string;
  kind: ComplaintKind;
}

export interface EarlierComplaint extends MatterKey {
  number: string;
  receivedOn: string;
  repeatOf: string | null;
}

/**
 * The first complaint this one repeats: the same person (same phone or same ID number) with the
 * same matter (the same application number, or — when either names none — the same responsible
 * unit and kind) received within the 90 days before. Chains point at the first, never at a repeat.
 */
export function firstOfSameMatter(candidate: MatterKey, receivedOn: string, earlier: readonly EarlierComplaint[]): string | null {
  const since = plusDays(receivedOn, -REPEAT_WINDOW_DAYS);
  const same = earlier
    .filter((e) => e.receivedOn >= since && e.receivedOn <= receivedOn)
    .filter((e) => e.complainantPhone === candidate.complainantPhone || (!!candidate.complainantIdNumber && e.complainantIdNumber === candidate.complainantIdNumber))
    .filter((e) =>
      candidate.applicationNumber && e.applicationNumber
        ? e.applicationNumber === candidate.applicationNumber
        : e.unitCode === candidate.unitCode && e.kind === candidate.kind,
    )
    .sort((a, b) => (a.receivedOn === b.receivedOn ? a.number.localeCompare(b.number) : a.receivedOn.localeCompare(b.receivedOn)));
  const first = same[0];
  return first ? (first.repeatOf ?? first.number) : null;
}

/** A complaint number: XF, the receipt date, a six-digit serial. */
export function complaintNumber(receivedOn: string, serial: number): string {
  return `XF${receivedOn.replace(/-/g, '')}${String(serial).padStart(6, '0')}`;
}

/** A reason or note that says something (two characters at least), or REASON_REQUIRED. */
export function requireReason(value: string | undefined | null, what: string): string {
  const v = value?.trim();
  if (!v || v.length < 2) throw new ComplaintException(Code.REASON_REQUIRED, `请填写${what}`);
  return v;
}
