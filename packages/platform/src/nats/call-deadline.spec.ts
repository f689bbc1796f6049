import {
  currentDeadline, deadlineExceeded, deadlineMarginMs, DeadlineCommitCheck, innerCallBudget, MIN_INNER_CALL_MS, outsideCallDeadline,
  parseDeadlineHeader, runWithDeadline, withinDeadline,
} from './call-deadline.js';

describe('nested-call deadlines (decision 0033)', () => {
  const now = 1_800_000_000_000;

  it('outside a handler, a call waits its own timeout and carries that deadline on', () => {
    expect(innerCallBudget(5000, undefined, now)).toEqual({ call: true, timeoutMs: 5000, deadline: now + 5000 });
  });

  it('inside a handler, a call waits min(own timeout, remaining − margin)', () => {
    // 4 s left: margin 400 ms (10 %), so 3.6 s rather than its own 15 s.
    expect(innerCallBudget(15_000, now + 4000, now)).toEqual({ call: true, timeoutMs: 3600, deadline: now + 3600 });
    // Plenty left: its own timeout is the shorter.
    expect(innerCallBudget(5000, now + 60_000, now)).toEqual({ call: true, timeoutMs: 5000, deadline: now + 5000 });
    // The inner deadline is always before the outer one.
    for (const left of [350, 1000, 2500, 9000, 30_000]) {
      const b = innerCallBudget(120_000, now + left, now);
      if (b.call) expect(b.deadline).toBeLessThan(now + left);
    }
  });

  it('the margin is 10 % of what is left, at least 200 ms and at most 1 s', () => {
    expect(deadlineMarginMs(500)).toBe(200);
    expect(deadlineMarginMs(4000)).toBe(400);
    expect(deadlineMarginMs(60_000)).toBe(1000);
  });

  it('refuses to call at all when too little time remains (or the deadline has passed)', () => {
    expect(innerCallBudget(5000, now + 200 + MIN_INNER_CALL_MS - 1, now)).toEqual({ call: false, remainingMs: 299 });
    expect(innerCallBudget(5000, now + 200 + MIN_INNER_CALL_MS, now)).toEqual({ call: true, timeoutMs: MIN_INNER_CALL_MS, deadline: now + MIN_INNER_CALL_MS });
    expect(innerCallBudget(5000, now - 10, now)).toEqual({ call: false, remainingMs: -10 });
  });

  it('a handler may start or commit only until shortly before its caller stops waiting', () => {
    expect(withinDeadline(undefined, now)).toBe(true);
    expect(withinDeadline(now + 51, now)).toBe(true);
    expect(withinDeadline(now + 50, now)).toBe(false);
    expect(withinDeadline(now - 1, now)).toBe(false);
  });

  it('reads only a well-formed header', () => {
    expect(parseDeadlineHeader(String(now))).toBe(now);
    for (const bad of [undefined, null, '', 'soon', '-5', '1.5e12', '0', '9999999999999999999']) expect(parseDeadlineHeader(bad)).toBeUndefined();
  });

  it('the deadline follows the handler through awaits and timers, not background work it sets off', async () => {
    expect(currentDeadline()).toBeUndefined();
    await runWithDeadline(now, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentDeadline()).toBe(now);
      outsideCallDeadline(() => expect(currentDeadline()).toBeUndefined());
    });
    expect(currentDeadline()).toBeUndefined();
  });

  it('the commit check refuses with SERVICE_UNAVAILABLE, outcome NOT_DONE, once the caller has given up', () => {
    const check = new DeadlineCommitCheck();
    expect(() => check.beforeTransactionCommit()).not.toThrow();
    runWithDeadline(Date.now() + 60_000, () => expect(() => check.beforeTransactionCommit()).not.toThrow());
    runWithDeadline(Date.now() - 1, () => expect(() => check.beforeTransactionCommit()).toThrow(deadlineExceeded().message));
    expect(deadlineExceeded().toRpc()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { outcome: 'NOT_DONE', reason: 'DEADLINE_EXCEEDED' } });
  });
});
