import { WorkingCalendar } from '@onewindow/calendar';
import { isFindingOverdue, nextFindingStatus, rectificationDeadline, validRectificationDays } from './finding-rules.js';

const cal = WorkingCalendar.default();

describe('finding rules', () => {
  it('steps: report from 整改中, verify or send back from 已整改; nothing after 已销号', () => {
    expect(nextFindingStatus('RECTIFYING', 'REPORT')).toBe('RECTIFIED');
    expect(nextFindingStatus('RECTIFIED', 'VERIFY')).toBe('CLOSED');
    expect(nextFindingStatus('RECTIFIED', 'SEND_BACK')).toBe('RECTIFYING');
    expect(nextFindingStatus('RECTIFYING', 'VERIFY')).toBeNull();
    expect(nextFindingStatus('CLOSED', 'REPORT')).toBeNull();
    expect(nextFindingStatus('CLOSED', 'SEND_BACK')).toBeNull();
  });

  it('deadlines count working days on the statutory calendar (春节 2026: Feb 15–23, work Sat Feb 14 and Feb 28)', () => {
    expect(rectificationDeadline(cal, '2026-02-12', 3)).toEqual({ date: '2026-02-24', provisional: false }); // 13, 14 (调休), 24
    expect(rectificationDeadline(cal, '2026-03-02', 5).date).toBe('2026-03-09');
  });

  it('periods of 1–60 working days only', () => {
    expect(validRectificationDays(1)).toBe(true);
    expect(validRectificationDays(60)).toBe(true);
    expect(validRectificationDays(0)).toBe(false);
    expect(validRectificationDays(61)).toBe(false);
    expect(validRectificationDays(2.5)).toBe(false);
  });

  it('overdue while 整改中 past the deadline; a reported or closed finding is not', () => {
    expect(isFindingOverdue('RECTIFYING', '2026-03-09', '2026-03-10')).toBe(true);
    expect(isFindingOverdue('RECTIFYING', '2026-03-09', '2026-03-09')).toBe(false);
    expect(isFindingOverdue('RECTIFIED', '2026-03-09', '2026-03-18')).toBe(false);
    expect(isFindingOverdue('CLOSED', '2026-03-09', '2026-03-18')).toBe(false);
  });
});
