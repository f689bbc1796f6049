import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import type { TransferEntity } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DeathFollowUpWorker, deathFollowUpResult } from './death-follow-up.worker.js';

const revocation = { caseRef: 'HH20260302000001', transferId: 'r-1' } as TransferRequestedEvent;
const original = (resultDetails: Record<string, unknown> | null) => ({ transferId: 't-1', resultDetails }) as unknown as TransferEntity;

describe('public security death follow-up', () => {
  it('reports what it did without names or ID numbers', () => {
    expect(deathFollowUpResult([])).toBe('名下无有效治安许可证，无需处理');
    expect(deathFollowUpResult([{ label: '保安员证', to: 'CANCELLED' }, { label: '旅馆业特种行业许可证', to: 'UNDER_REVIEW' }]))
      .toBe('名下许可证2项已转入核查（注销保安员证1项，单位许可证1项待变更法定代表人）');
  });

  it('a revocation restores nothing when nothing was changed, and refuses to guess when the ids are missing', async () => {
    const worker = new DeathFollowUpWorker();
    const manager = {} as EntityManager;
    await expect(worker.revoke(original({ handled: 0 }), revocation, manager, {} as Identity)).resolves.toEqual({ result: '原移交未变更许可证，无需恢复', details: { restored: 0 } });
    await expect(worker.revoke(original({ permits: [{ number: 'BA1', to: 'CANCELLED' }] }), revocation, manager, {} as Identity)).rejects.toMatchObject({ code: 'RESTORE_UNKNOWN' });
  });
});
