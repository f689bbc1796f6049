import type { WorkingCalendar } from '@onewindow/calendar';
import type { HomeVisitStatus, PoliceUnitType } from '@onewindow/contracts';

/** A step of a home visit: 派单 (or 改派), 预约上门时间, 上门办结, 无法上门. */
export type HomeVisitStep = 'ASSIGN' | 'SCHEDULE' | 'DONE' | 'NOT_POSSIBLE';

/** Seed 004: 自预约之日起，城区 5 个工作日、农村地区 10 个工作日内登门办理. */
export const HOME_VISIT_DUE_WORKING_DAYS: Readonly<Record<PoliceUnitType, number>> = { URBAN: 5, RURAL: 10 };

/** The due date: N working days after the request day (the request day is not counted); provisional when the calendar is. */
export function homeVisitDeadline(cal: WorkingCalendar, requestedOn: string, unitType: PoliceUnitType): { date: string; provisional: boolean; days: number } {
  const days = HOME_VISIT_DUE_WORKING_DAYS[unitType];
  return { ...cal.addWorkingDays(requestedOn, days), days };
}

const CLOSED: ReadonlySet<HomeVisitStatus> = new Set(['DONE', 'NOT_POSSIBLE']);

export function isHomeVisitClosed(status: HomeVisitStatus): boolean {
  return CLOSED.has(status);
}

/**
 * The state a step leads to, or null when the visit's state does not allow it:
 * REQUESTED —ASSIGN→ ASSIGNED —SCHEDULE→ SCHEDULED —DONE→ DONE; ASSIGNED/SCHEDULED —NOT_POSSIBLE→ NOT_POSSIBLE.
 * An open visit may be reassigned (its schedule is dropped) and a scheduled one rescheduled.
 */
export function nextHomeVisitStatus(status: HomeVisitStatus, step: HomeVisitStep): HomeVisitStatus | null {
  switch (step) {
    case 'ASSIGN':
      return isHomeVisitClosed(status) ? null : 'ASSIGNED';
    case 'SCHEDULE':
      return status === 'ASSIGNED' || status === 'SCHEDULED' ? 'SCHEDULED' : null;
    case 'DONE':
      return status === 'SCHEDULED' ? 'DONE' : null;
    case 'NOT_POSSIBLE':
      return status === 'ASSIGNED' || status === 'SCHEDULED' ? 'NOT_POSSIBLE' : null;
  }
}

/** Overdue: still open and past its due date (a visit closed late is not flagged; its closedOn says so). */
export function isHomeVisitOverdue(status: HomeVisitStatus, deadline: string, today: string): boolean {
  return !isHomeVisitClosed(status) && deadline < today;
}

/** A visit is scheduled within working hours of a day from the request day to 30 days after the deadline, never in the past. */
export function scheduleProblem(scheduledAt: Date, now: Date, requestedOn: string, deadline: string): string | null {
  if (Number.isNaN(scheduledAt.getTime())) return '上门时间格式不正确';
  if (scheduledAt.getTime() < now.getTime() - 60_000) return '上门时间不能早于现在';
  const day = chinaDate(scheduledAt);
  if (day < requestedOn) return '上门时间不能早于申请日';
  if (day > addDays(deadline, 30)) return '上门时间距办结期限太远，请在期限内安排';
  return null;
}

export const STATUS_LABEL: Record<HomeVisitStatus, string> = {
  REQUESTED: '待派单', ASSIGNED: '已派单', SCHEDULED: '已预约', DONE: '已上门办理', NOT_POSSIBLE: '无法上门',
};

/** The date in China (UTC+8) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
