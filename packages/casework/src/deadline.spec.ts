import { WorkingCalendar } from '@onewindow/calendar';
import { deadlineStateOf, resumeDeadline } from './deadline.js';

const cal = WorkingCalendar.default();

describe('deadlines', () => {
  it('classifies on time, due soon, overdue, paused and done', () => {
    const open = { status: 'IN_REVIEW' as const, clockStoppedSince: null };
    expect(deadlineStateOf(cal, { ...open, deadline: '2026-03-09' }, '2026-02-10')).toBe('ON_TIME');
    expect(deadlineStateOf(cal, { ...open, deadline: '2026-03-09' }, '2026-03-06')).toBe('DUE_SOON'); // Fri → Mon is one working day
    expect(deadlineStateOf(cal, { ...open, deadline: '2026-03-09' }, '2026-03-09')).toBe('DUE_SOON');
    expect(deadlineStateOf(cal, { ...open, deadline: '2026-03-09' }, '2026-03-10')).toBe('OVERDUE');
    expect(deadlineStateOf(cal, { ...open, deadline: '2026-03-09', clockStoppedSince: '2026-03-01' }, '2026-03-10')).toBe('PAUSED');
    expect(deadlineStateOf(cal, { status: 'READY_FOR_PICKUP', deadline: '2026-03-09', clockStoppedSince: null }, '2026-04-01')).toBe('DONE');
  });

  it('moves the deadline by the working days spent waiting for 补正', () => {
    // Stopped Tue 2026-09-29, resumed Fri 2026-10-09: working days waited are 9-30, 10-08, 10-09 (国庆 Oct 1–7).
    const r = resumeDeadline(cal, '2026-10-20', '2026-09-29', '2026-10-09');
    expect(r.pausedWorkingDays).toBe(3);
    expect(r.deadline).toBe('2026-10-23'); // Tue 10-20 + 3 working days
    expect(resumeDeadline(cal, '2026-10-20', '2026-10-09', '2026-10-09').deadline).toBe('2026-10-20');
  });
});
