import type { ApplicationSnapshot, TransferSnapshot } from '@onewindow/contracts';
import type { TransfersService } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { DeathCaseService } from './death-case.service.js';

const manager = {} as EntityManager;
const app = (over: Partial<ApplicationSnapshot> = {}) =>
  ({ number: 'HH20260302000001', itemCode: 'HH-DEATH-CANCEL', status: 'IN_REVIEW', form: {}, ...over }) as ApplicationSnapshot;
const followUp = (toService: string, status: TransferSnapshot['status']) => ({ transferId: `t-${toService}`, toService, status }) as TransferSnapshot;

function serviceWith(followUps: TransferSnapshot[]) {
  const opened: unknown[] = [];
  const revoked: { original: TransferSnapshot; reason: string }[] = [];
  const transfers = {
    findOutboundByCase: async () => followUps,
    revoke: async (_m: EntityManager, input: { original: TransferSnapshot; reason: string }) => {
      revoked.push(input);
      return { transferId: `r-${input.original.toService}`, toService: input.original.toService, requestedDeadline: '2026-03-09' } as TransferSnapshot;
    },
    open: async (_m: EntityManager, input: { toService: string }) => {
      opened.push(input);
      return { transferId: `t-${input.toService}`, toService: input.toService, requestedDeadline: '2026-03-09' } as TransferSnapshot;
    },
  } as unknown as TransfersService;
  return { service: new DeathCaseService(transfers), opened, revoked };
}

const codeOf = async (p: Promise<unknown>) => p.then(() => undefined, (e: { code?: string }) => e.code);

describe('death case', () => {
  it('opens one follow-up each for exit-entry, traffic and public security about the deceased', async () => {
    const { service, opened } = serviceWith([]);
    const notes = await service.openFollowUps(
      app({ form: { deceasedName: '赵国强', deceasedIdNumber: DEMO_PERSON_IDS.toDie.toLowerCase(), dateOfDeath: '2026-02-27', relationToDeceased: '配偶' } }),
      { sub: 'c', username: 'c', displayName: '王窗口', roles: [], unitCode: '510107001', unitName: '' },
      manager,
    );
    expect(opened.map((o) => (o as { toService: string }).toService)).toEqual(['exit-entry', 'traffic', 'public-security']);
    expect(opened[0]).toMatchObject({ kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20260302000001', subjectIdNumber: DEMO_PERSON_IDS.toDie, details: { dateOfDeath: '2026-02-27' } });
    expect(notes[0]!.reason).toContain('出入境、交管、治安');
    expect(await service.openFollowUps(app({ itemCode: 'HH-MOVE-OUT' }), {} as never, manager)).toEqual([]);
  });

  it('approve, ready and close wait until every follow-up has reported back', async () => {
    const pending = serviceWith([followUp('exit-entry', 'COMPLETED'), followUp('traffic', 'REQUESTED'), followUp('public-security', 'REFUSED')]).service;
    for (const action of ['APPROVE', 'MARK_READY', 'CLOSE'] as const) {
      expect(await codeOf(pending.assertMayProceed({ application: app(), action, manager }))).toBe('FOLLOW_UPS_PENDING');
    }
    await expect(pending.assertMayProceed({ application: app(), action: 'APPROVE', manager })).rejects.toThrow(/交管（待签收）、治安（已退回）/);
    await expect(pending.assertMayProceed({ application: app(), action: 'START_REVIEW', manager })).resolves.toBeUndefined();
    await expect(pending.assertMayProceed({ application: app({ status: 'REJECTED' }), action: 'CLOSE', manager })).resolves.toBeUndefined();
    await expect(pending.assertMayProceed({ application: app({ itemCode: 'HH-MOVE-OUT' }), action: 'APPROVE', manager })).resolves.toBeUndefined();

    const done = serviceWith(['exit-entry', 'traffic', 'public-security'].map((s) => followUp(s, 'COMPLETED'))).service;
    await expect(done.assertMayProceed({ application: app(), action: 'APPROVE', manager })).resolves.toBeUndefined();
  });

  it('refusing or withdrawing revokes every follow-up the receiver did not refuse; other actions revoke nothing', async () => {
    const actor = { sub: 'o', username: 'o', displayName: '李户政', roles: [], unitCode: '510107001', unitName: '' };
    const followUps = [followUp('exit-entry', 'COMPLETED'), followUp('traffic', 'REQUESTED'), followUp('public-security', 'REFUSED')];
    const { service, revoked } = serviceWith(followUps);
    const notes = await service.revokeFollowUps({ application: app(), action: 'REJECT', command: { number: 'HH20260302000001', action: 'REJECT', reason: '死亡医学证明系伪造' }, actor, manager });
    expect(revoked.map((r) => r.original.toService)).toEqual(['exit-entry', 'traffic']);
    expect(revoked[0]!.reason).toContain('死亡注销申请不予批准（HH20260302000001：死亡医学证明系伪造）');
    expect(notes).toEqual([expect.objectContaining({ action: 'FOLLOW_UPS_REVOKED', reason: expect.stringContaining('出入境、交管') })]);

    const withdrawn = serviceWith(followUps);
    await withdrawn.service.revokeFollowUps({ application: app(), action: 'WITHDRAW', command: { number: 'x', action: 'WITHDRAW' }, actor, manager });
    expect(withdrawn.revoked[0]!.reason).toContain('死亡注销申请已撤回');

    const other = serviceWith(followUps);
    expect(await other.service.revokeFollowUps({ application: app(), action: 'START_REVIEW', command: { number: 'x', action: 'START_REVIEW' }, actor, manager })).toEqual([]);
    expect(await other.service.revokeFollowUps({ application: app({ itemCode: 'HH-MOVE-OUT' }), action: 'REJECT', command: { number: 'x', action: 'REJECT', reason: 'r' }, actor, manager })).toEqual([]);
    expect(other.revoked).toEqual([]);
  });
});
