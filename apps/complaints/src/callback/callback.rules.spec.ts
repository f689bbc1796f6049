import { callbackDeadlineState, nextCallbackStatus } from './callback.rules.js';

describe('回访核实 rules', () => {
  it('runs OPEN → CALLED_BACK → RECTIFIED | EXPLAINED; a review may be voided until resolved', () => {
    expect(nextCallbackStatus('OPEN', 'CALL_BACK')).toBe('CALLED_BACK');
    expect(nextCallbackStatus('OPEN', 'RECTIFY')).toBeUndefined();
    expect(nextCallbackStatus('CALLED_BACK', 'RECTIFY')).toBe('RECTIFIED');
    expect(nextCallbackStatus('CALLED_BACK', 'EXPLAIN')).toBe('EXPLAINED');
    expect(nextCallbackStatus('OPEN', 'VOID')).toBe('VOIDED');
    expect(nextCallbackStatus('CALLED_BACK', 'VOID')).toBe('VOIDED');
    expect(nextCallbackStatus('RECTIFIED', 'VOID')).toBeUndefined();
    expect(nextCallbackStatus('VOIDED', 'CALL_BACK')).toBeUndefined();
  });

  it('flags the running period: the callback while OPEN, the rectification once called back', () => {
    const t = { callbackDue: '2026-09-17', resolveDue: '2026-09-20' };
    expect(callbackDeadlineState({ ...t, status: 'OPEN' }, '2026-09-16')).toBe('ON_TIME');
    expect(callbackDeadlineState({ ...t, status: 'OPEN' }, '2026-09-17')).toBe('DUE_SOON');
    expect(callbackDeadlineState({ ...t, status: 'OPEN' }, '2026-09-18')).toBe('OVERDUE');
    expect(callbackDeadlineState({ ...t, status: 'CALLED_BACK' }, '2026-09-18')).toBe('ON_TIME');
    expect(callbackDeadlineState({ ...t, status: 'CALLED_BACK' }, '2026-09-21')).toBe('OVERDUE');
    expect(callbackDeadlineState({ ...t, status: 'RECTIFIED' }, '2026-09-30')).toBe('DONE');
    expect(callbackDeadlineState({ ...t, status: 'VOIDED' }, '2026-09-30')).toBe('DONE');
  });
});
