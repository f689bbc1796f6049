import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import { BusinessClock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { DeathFollowUpWorker, deathFollowUpResult } from './death-follow-up.worker.js';

describe('death follow-up', () => {
  it('reports the cancelled documents per kind, in a fixed order', () => {
    expect(deathFollowUpResult({ HKMO_PERMIT: 1, PASSPORT: 1 })).toBe('已注销普通护照1本、往来港澳通行证1本');
    expect(deathFollowUpResult({ TW_PERMIT: 2 })).toBe('已注销往来台湾通行证2本');
    expect(deathFollowUpResult({})).toBe('死者无有效出入境证件，无需注销');
  });

  it('declines a transfer without a valid ID number of the deceased, leaving it to an officer', async () => {
    const worker = new DeathFollowUpWorker(new BusinessClock('2026-11-26', 'test'));
    const manager = { createQueryBuilder: () => { throw new Error('must not write'); } } as unknown as EntityManager;
    const transfer = { kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20261126000001' } as TransferRequestedEvent;
    await expect(worker.work(transfer, manager, {} as Identity)).rejects.toMatchObject({ code: 'SUBJECT_ID_NUMBER_MISSING' });
    expect(worker.kind).toBe('DEATH_FOLLOW_UP');
  });
});
