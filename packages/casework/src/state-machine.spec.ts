import { APPLICATION_ACTIONS, APPLICATION_STATUSES, PoliceType, Role, type ApplicationAction, type ApplicationStatus, type Identity } from '@onewindow/contracts';
import { CaseworkErrorCode } from './casework.exception.js';
import { planTransition } from './state-machine.js';

const base = { sub: 'u', username: 'u', displayName: 'u', unitCode: '510107001', unitName: 'x' };
const ACTORS = {
  clerk: { ...base, roles: [Role.CLERK] },
  owningOfficer: { ...base, roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD },
  otherOfficer: { ...base, roles: [Role.OFFICER], policeType: PoliceType.EXIT_ENTRY },
  supervisor: { ...base, roles: [Role.SUPERVISOR] },
  analyst: { ...base, roles: [Role.ANALYST] },
} satisfies Record<string, Identity>;
type ActorName = keyof typeof ACTORS;

/**
 * The lifecycle as the counter's procedures describe it, written out independently of
 * state-machine.ts: every allowed (action, from) → to, who may do it, and whether a reason is
 * required. Everything not listed here must be refused with the exact code.
 */
const ALLOWED: Record<ApplicationAction, { from: Partial<Record<ApplicationStatus, ApplicationStatus>>; by: ActorName[]; reason?: true }> = {
  START_REVIEW: { from: { ACCEPTED: 'IN_REVIEW' }, by: ['owningOfficer'] },
  REQUEST_SUPPLEMENT: { from: { ACCEPTED: 'SUPPLEMENT_REQUESTED', IN_REVIEW: 'SUPPLEMENT_REQUESTED' }, by: ['owningOfficer'], reason: true },
  SUPPLEMENT_RECEIVED: { from: { SUPPLEMENT_REQUESTED: 'IN_REVIEW' }, by: ['clerk', 'owningOfficer'] },
  SUPPLY_TOLERATED: {
    from: { ACCEPTED: 'ACCEPTED', IN_REVIEW: 'IN_REVIEW', SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED', APPROVED: 'APPROVED', READY_FOR_PICKUP: 'READY_FOR_PICKUP' },
    by: ['clerk', 'owningOfficer'],
  },
  REQUEST_EXTENSION: { from: { ACCEPTED: 'ACCEPTED', IN_REVIEW: 'IN_REVIEW' }, by: ['owningOfficer'], reason: true },
  APPROVE_EXTENSION: { from: { ACCEPTED: 'ACCEPTED', IN_REVIEW: 'IN_REVIEW', SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED' }, by: ['supervisor'] },
  REJECT_EXTENSION: { from: { ACCEPTED: 'ACCEPTED', IN_REVIEW: 'IN_REVIEW', SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED' }, by: ['supervisor'], reason: true },
  APPROVE: { from: { ACCEPTED: 'APPROVED', IN_REVIEW: 'APPROVED' }, by: ['owningOfficer'] },
  REJECT: { from: { ACCEPTED: 'REJECTED', IN_REVIEW: 'REJECTED', SUPPLEMENT_REQUESTED: 'REJECTED' }, by: ['owningOfficer'], reason: true },
  MARK_READY: { from: { APPROVED: 'READY_FOR_PICKUP' }, by: ['owningOfficer'] },
  DELIVER: { from: { READY_FOR_PICKUP: 'DELIVERED' }, by: ['clerk', 'owningOfficer'] },
  CLOSE: { from: { DELIVERED: 'CLOSED', REJECTED: 'CLOSED' }, by: ['clerk', 'owningOfficer'] },
  WITHDRAW: { from: { ACCEPTED: 'WITHDRAWN', IN_REVIEW: 'WITHDRAWN', SUPPLEMENT_REQUESTED: 'WITHDRAWN' }, by: ['clerk'], reason: true },
};

interface Case {
  action: ApplicationAction;
  status: ApplicationStatus;
  actor: ActorName;
  reason: string | undefined;
  expected: { to: ApplicationStatus } | { code: CaseworkErrorCode };
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const action of APPLICATION_ACTIONS) {
    const rule = ALLOWED[action];
    for (const status of APPLICATION_STATUSES) {
      for (const actor of Object.keys(ACTORS) as ActorName[]) {
        const to = rule.from[status];
        let expected: Case['expected'];
        if (!to) expected = { code: CaseworkErrorCode.INVALID_TRANSITION };
        else if (!rule.by.includes(actor)) {
          expected = { code: rule.by.length === 1 && rule.by[0] === 'owningOfficer' ? CaseworkErrorCode.NOT_OWNING_OFFICER : CaseworkErrorCode.ROLE_NOT_ALLOWED };
        } else expected = { to };
        out.push({ action, status, actor, reason: '群众申请', expected });
        // Without a reason: actions that require one are refused once state and role allow them.
        if (rule.reason && 'to' in expected) out.push({ action, status, actor, reason: '  ', expected: { code: CaseworkErrorCode.REASON_REQUIRED } });
        if (!rule.reason && 'to' in expected) out.push({ action, status, actor, reason: undefined, expected });
      }
    }
  }
  return out;
}

const ALL = cases();

describe('application lifecycle, transition by transition', () => {
  it('covers every (state, action, role) combination', () => {
    const combos = new Set(ALL.map((c) => `${c.action}/${c.status}/${c.actor}`));
    expect(combos.size).toBe(APPLICATION_ACTIONS.length * APPLICATION_STATUSES.length * Object.keys(ACTORS).length);
  });

  it.each(ALL.filter((c) => 'to' in c.expected).map((c) => [c.action, c.status, c.actor, c.reason ?? '(none)', (c.expected as { to: string }).to, c] as const))(
    '%s from %s by %s (reason %s) → %s',
    (...args) => {
      const c = args[5];
      expect(planTransition(c.action, c.status, PoliceType.HOUSEHOLD, ACTORS[c.actor], c.reason)).toBe((c.expected as { to: ApplicationStatus }).to);
    },
  );

  it.each(ALL.filter((c) => 'code' in c.expected).map((c) => [c.action, c.status, c.actor, c.reason ?? '(none)', (c.expected as { code: string }).code, c] as const))(
    '%s from %s by %s (reason %s) is refused with %s',
    (...args) => {
      const c = args[5];
      let caught: unknown;
      try {
        planTransition(c.action, c.status, PoliceType.HOUSEHOLD, ACTORS[c.actor], c.reason);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code: (c.expected as { code: string }).code });
    },
  );

  it('terminal states accept nothing (closing a rejection aside)', () => {
    const terminal = ALL.filter((c) => c.status === 'CLOSED' || c.status === 'WITHDRAWN' || (c.status === 'REJECTED' && c.action !== 'CLOSE'));
    expect(terminal.length).toBeGreaterThan(0);
    expect(terminal.every((c) => 'code' in c.expected && c.expected.code === CaseworkErrorCode.INVALID_TRANSITION)).toBe(true);
  });
});
