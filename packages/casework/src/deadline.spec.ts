import { WorkingCalendar } from '@onewindow/calendar';
import { clockEnded, deadlineMovesOf, deadlineStateOf, replayDeadline, resumeDeadline } from './deadline.js';

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

  it('the clock ends at the item\'s step: the decision by default, the made document for ID cards', () => {
    expect(clockEnded('APPROVED')).toBe(true);
    expect(clockEnded('APPROVED', 'READY_FOR_PICKUP')).toBe(false);
    expect(clockEnded('READY_FOR_PICKUP', 'READY_FOR_PICKUP')).toBe(true);
    expect(clockEnded('READY_FOR_PICKUP', 'DELIVERED')).toBe(false);
    for (const s of ['REJECTED', 'WITHDRAWN', 'CLOSED'] as const) expect(clockEnded(s, 'DELIVERED')).toBe(true);
    for (const s of ['ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED'] as const) expect(clockEnded(s, 'APPROVED')).toBe(false);
    const approvedCard = { status: 'APPROVED' as const, deadline: '2026-03-09', clockStoppedSince: null, clockStopsAt: 'READY_FOR_PICKUP' as const };
    expect(deadlineStateOf(cal, approvedCard, '2026-03-10')).toBe('OVERDUE');
    expect(deadlineStateOf(cal, { ...approvedCard, clockStopsAt: 'APPROVED' }, '2026-03-10')).toBe('DONE');
  });

  it('replays a deadline through its pauses and extensions as the timeline recorded them', () => {
    const moves = deadlineMovesOf([
      { action: 'ACCEPT', details: { deadline: '2026-10-20' } },
      { action: 'REQUEST_SUPPLEMENT', details: { clockStopped: '2026-09-29' } },
      { action: 'SUPPLEMENT_RECEIVED', details: { clockResumed: '2026-10-09', pausedWorkingDays: 3 } },
      { action: 'APPROVE_EXTENSION', details: { extensionDays: 2 } },
      { action: 'FLAG_OVERDUE', details: {} },
    ]);
    expect(moves).toEqual([{ kind: 'PAUSE', stoppedSince: '2026-09-29', resumedOn: '2026-10-09' }, { kind: 'EXTEND', workingDays: 2 }]);
    const start = '2026-09-15';
    const plain = replayDeadline(cal, start, { value: 10, unit: 'WORKING_DAYS' }, []);
    const replayed = replayDeadline(cal, start, { value: 10, unit: 'WORKING_DAYS' }, moves);
    expect(cal.workingDaysBetween(plain.date, replayed.date)).toBe(5);
    expect(replayed.provisional).toBe(false);
    expect(replayDeadline(cal, '2026-12-21', { value: 15, unit: 'WORKING_DAYS' }, [])).toEqual({ date: '2027-01-11', provisional: true });
  });
});
