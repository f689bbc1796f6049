import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import { BusinessClock } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { TransferEntity } from '@onewindow/transfers';
import { DeathFollowUpWorker, deathFollowUpResult, deathRevocationResult } from './death-follow-up.worker.js';

describe('death follow-up', () => {
  it('reports the cancelled documents per kind, in a fixed order', () => {
    expect(deathFollowUpResult({ HKMO_PERMIT: 1, PASSPORT: 1 })).toBe('已注销普通护照1本、往来港澳通行证1本');
    expect(deathFollowUpResult({ TW_PERMIT: 2 })).toBe('已注销往来台湾通行证2本');
    expect(deathFollowUpResult({})).toBe('死者无有效出入境证件，无需注销');
  });

  it('reports restored documents the same way when a death cancellation is revoked', () => {
    expect(deathRevocationResult({ PASSPORT: 1, HKMO_PERMIT: 1 })).toBe('已恢复普通护照1本、往来港澳通行证1本');
    expect(deathRevocationResult({})).toBe('原移交未注销证件（或已另行处理），无需恢复');
  });

  it('refuses to guess: a revocation of a follow-up that did not record its documents is left to an officer', async () => {
    const worker = new DeathFollowUpWorker(new BusinessClock('2026-11-26', 'test'));
    const original = { transferId: 't', resultDetails: { cancelled: { PASSPORT: 1 } } } as unknown as TransferEntity;
    await expect(worker.revoke(original, { caseRef: 'HH1' } as TransferRequestedEvent, {} as EntityManager, {} as Identity)).rejects.toMatchObject({ code: 'RESTORE_UNKNOWN' });
  });

  it('declines a transfer without a valid ID number of the deceased, leaving it to an officer', async () => {
    const worker = new DeathFollowUpWorker(new BusinessClock('2026-11-26', 'test'));
    const manager = { createQueryBuilder: () => { throw new Error('must not write'); } } as unknown as EntityManager;
    const transfer = { kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20261126000001' } as TransferRequestedEvent;
    await expect(worker.work(transfer, manager, {} as Identity)).rejects.toMatchObject({ code: 'SUBJECT_ID_NUMBER_MISSING' });
    expect(worker.kind).toBe('DEATH_FOLLOW_UP');
  });
});
