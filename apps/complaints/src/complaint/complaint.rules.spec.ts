import { WorkingCalendar } from '@onewindow/calendar';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@onewindow/contracts';
import {
  acceptanceDeadline, answerDeadline, complaintNumber, currentDeadline, deadlineStateOf, extendedAnswerDeadline, firstOfSameMatter, LIFECYCLE,
  nextStatus, reopenedAnswerDeadline, requireReason, type ComplaintCommand, type EarlierComplaint, type MatterKey,
} from './complaint.rules.js';

const cal = WorkingCalendar.default();

describe('complaint time limits (信访工作条例 2022: calendar days, a period ending on a rest day ends on the next working day)', () => {
  it('acceptance: 15 days after receipt', () => {
    expect(acceptanceDeadline(cal, '2026-03-02')).toBe('2026-03-17');
  });

  it('acceptance: 15 days ending on National Day 2026 (10-01…10-07 holiday) end on 10-08', () => {
    expect(cal.holidayName('2026-10-01')).toBe('国庆节');
    expect(acceptanceDeadline(cal, '2026-09-16')).toBe('2026-10-08');
  });

  it('acceptance: ending on a Saturday moves to Monday; ending on an adjusted Saturday workday (调休) stays', () => {
    expect(acceptanceDeadline(cal, '2026-10-09')).toBe('2026-10-26');
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(acceptanceDeadline(cal, '2026-09-25')).toBe('2026-10-10');
  });

  it('answer: 60 days after acceptance, moved past National Day', () => {
    expect(answerDeadline(cal, '2026-08-02')).toBe('2026-10-08');
    expect(answerDeadline(cal, '2026-03-02')).toBe('2026-05-06'); // 05-01 is 劳动节 (05-01…05-05)
  });

  it('extension: 60 + 30 days after acceptance, not 30 days after the moved end', () => {
    expect(extendedAnswerDeadline(cal, '2026-07-03')).toBe('2026-10-08');
    expect(extendedAnswerDeadline(cal, '2026-08-03')).toBe('2026-11-02'); // 11-01 is a Sunday
  });

  it('reopening: re-examined within 30 days', () => {
    expect(reopenedAnswerDeadline(cal, '2026-09-01')).toBe('2026-10-08');
  });
});

describe('deadline state', () => {
  it('ON_TIME until three days before, DUE_SOON within, OVERDUE after, DONE when the clock has ended', () => {
    const running = { status: 'ACCEPTED' as ComplaintStatus, deadline: '2026-10-08' };
    expect(deadlineStateOf(running, '2026-10-04')).toBe('ON_TIME');
    expect(deadlineStateOf(running, '2026-10-05')).toBe('DUE_SOON');
    expect(deadlineStateOf(running, '2026-10-08')).toBe('DUE_SOON');
    expect(deadlineStateOf(running, '2026-10-09')).toBe('OVERDUE');
    for (const status of ['ANSWERED', 'NOT_ACCEPTED', 'CLOSED'] as ComplaintStatus[]) expect(deadlineStateOf({ status, deadline: '2026-10-08' }, '2026-12-01')).toBe('DONE');
  });

  it('the deadline that applies: acceptance while received, the answer deadline while worked, none when done', () => {
    const c = { acceptanceDeadline: '2026-10-08', answerDeadline: '2026-12-07' };
    expect(currentDeadline({ ...c, status: 'RECEIVED' })).toBe('2026-10-08');
    expect(currentDeadline({ ...c, status: 'ACCEPTED' })).toBe('2026-12-07');
    expect(currentDeadline({ ...c, status: 'REOPENED' })).toBe('2026-12-07');
    expect(currentDeadline({ ...c, status: 'ANSWERED' })).toBeNull();
  });
});

describe('lifecycle', () => {
  const allowed: Record<ComplaintCommand, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
    ACCEPT: { RECEIVED: 'ACCEPTED' },
    NOT_ACCEPT: { RECEIVED: 'NOT_ACCEPTED' },
    ANSWER: { ACCEPTED: 'ANSWERED', REOPENED: 'ANSWERED' },
    REQUEST_EXTENSION: { ACCEPTED: 'ACCEPTED', REOPENED: 'REOPENED' },
    APPROVE_EXTENSION: { ACCEPTED: 'ACCEPTED', REOPENED: 'REOPENED' },
    REOPEN: { ANSWERED: 'REOPENED' },
    CLOSE: { ANSWERED: 'CLOSED', NOT_ACCEPTED: 'CLOSED' },
  };
  const cases = (Object.keys(LIFECYCLE) as ComplaintCommand[]).flatMap((command) => COMPLAINT_STATUSES.map((status) => [command, status, allowed[command][status]] as const));

  it.each(cases)('%s from %s → %s', (command, status, to) => {
    if (to) expect(nextStatus(status, command)).toBe(to);
    else expect(() => nextStatus(status, command)).toThrow(expect.objectContaining({ code: 'COMPLAINT_INVALID_TRANSITION' }));
  });

  it('says in Chinese what cannot be done', () => {
    expect(() => nextStatus('CLOSED', 'REOPEN')).toThrow('信访事项当前为“已办结”，不能重新办理');
  });

  it('needs a reason that says something (REASON_REQUIRED)', () => {
    expect(() => requireReason(' ', '理由')).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(requireReason(' 材料不全 ', '理由')).toBe('材料不全');
  });
});

describe('repeat of the same matter by the same person (90 days)', () => {
  const key: MatterKey = { complainantPhone: '13800138000', complainantIdNumber: '510107198804129137', applicationNumber: null, unitCode: '510107001', kind: 'DELAY' };
  const earlier = (over: Partial<EarlierComplaint>): EarlierComplaint => ({ ...key, number: 'XF20260901000001', receivedOn: '2026-09-01', repeatOf: null, ...over });

  it('same phone, same unit and kind within 90 days: a repeat of the first', () => {
    expect(firstOfSameMatter(key, '2026-10-09', [earlier({})])).toBe('XF20260901000001');
  });

  it('same ID number with another phone counts as the same person', () => {
    expect(firstOfSameMatter(key, '2026-10-09', [earlier({ complainantPhone: '13900000000' })])).toBe('XF20260901000001');
  });

  it('same application number, whatever the unit and kind', () => {
    const withApp = { ...key, applicationNumber: 'HH20260210000001' };
    expect(firstOfSameMatter(withApp, '2026-10-09', [earlier({ applicationNumber: 'HH20260210000001', unitCode: '510104001', kind: 'ATTITUDE' })])).toBe('XF20260901000001');
    expect(firstOfSameMatter(withApp, '2026-10-09', [earlier({ applicationNumber: 'HH20260210000002' })])).toBeNull();
  });

  it('not a repeat: another person, another matter, or more than 90 days before', () => {
    expect(firstOfSameMatter(key, '2026-10-09', [earlier({ complainantPhone: '13900000000', complainantIdNumber: null })])).toBeNull();
    expect(firstOfSameMatter(key, '2026-10-09', [earlier({ kind: 'ATTITUDE' })])).toBeNull();
    expect(firstOfSameMatter(key, '2026-10-09', [earlier({ unitCode: '510104001' })])).toBeNull();
    expect(firstOfSameMatter(key, '2026-12-01', [earlier({ receivedOn: '2026-09-01' })])).toBeNull();
    expect(firstOfSameMatter(key, '2026-11-30', [earlier({ receivedOn: '2026-09-01' })])).toBe('XF20260901000001');
  });

  it('links to the first of a chain, never to a repeat', () => {
    const chain = [earlier({ number: 'XF20260915000007', receivedOn: '2026-09-15', repeatOf: 'XF20260901000001' }), earlier({})];
    expect(firstOfSameMatter(key, '2026-10-09', chain)).toBe('XF20260901000001');
  });
});

it('numbers complaints XF + receipt date + six-digit serial', () => {
  expect(complaintNumber('2026-10-09', 42)).toBe('XF20261009000042');
});
