import { ServiceName } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { readTransferEvent, type TransferEvent, type TransferSnapshot } from '@onewindow/contracts';
import { TransferProjectionService } from './transfer-projection.service.js';
import type { TransferViewEntity } from './transfer-view.entity.js';
import type { TransferViewRepository } from './transfer-view.repository.js';

const ID = '7d0f6f7e-8a51-4c3e-9a57-0d1b1c2d3e4f';
const from = ServiceName.HOUSEHOLD;
const to = ServiceName.TRAFFIC;
const by = { sub: 'u', name: '赵交管', unitCode: '510107001' };

function event(subject: string, payload: object): TransferEvent {
  const read = readTransferEvent(subject, payload);
  if ('invalid' in read) throw new Error(read.invalid);
  return read;
}

const requested = event(`t1.household.v1.transfer.requested.traffic`, {
  transferId: ID, fromService: from, toService: to, kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20260302000001', subjectIdNumber: '510107194910019190',
  reason: '请注销其机动车驾驶证', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-03-09',
  requestedBy: { sub: 'c', name: '王窗口', unitCode: '510107001' }, requestedAt: '2026-03-02T02:00:00.000Z',
});
const acknowledged = event(`t1.traffic.v1.transfer.acknowledged.household`, { transferId: ID, fromService: from, toService: to, status: 'ACKNOWLEDGED', by, at: '2026-03-02T03:00:00.000Z' });
const completed = event(`t1.traffic.v1.transfer.completed.household`, { transferId: ID, fromService: from, toService: to, result: '已注销驾驶证', by, at: '2026-03-02T03:00:01.000Z' });
const flagged = event(`t1.household.v1.transfer.flagged`, {
  transferId: ID, fromService: from, toService: to, direction: 'OUTBOUND', status: 'REQUESTED', caseRef: 'HH20260302000001', unitCode: '510107001',
  requestedDeadline: '2026-03-09', flaggedOn: '2026-03-10', at: '2026-03-10T01:00:00.000Z',
});

function projectionOver(): { projection: TransferProjectionService; row: () => TransferViewEntity } {
  let stored: TransferViewEntity | undefined;
  const repo = {
    lockOrCreate: async (_m: EntityManager, transferId: string, fromService: string, toService: string) =>
      (stored ??= { transferId, fromService, toService, status: 'REQUESTED', attachments: [], timeline: [], overdue: false } as unknown as TransferViewEntity),
    save: async () => undefined,
  } as unknown as TransferViewRepository;
  return { projection: new TransferProjectionService(repo), row: () => stored! };
}

describe('transfer projection', () => {
  it('gives the same row whatever order the two streams deliver in, and each event counts once', async () => {
    const inOrder = projectionOver();
    for (const e of [requested, acknowledged, completed]) await inOrder.projection.apply(e, {} as EntityManager);
    const reversed = projectionOver();
    for (const e of [completed, acknowledged, requested, completed]) await reversed.projection.apply(e, {} as EntityManager);
    for (const p of [inOrder, reversed]) {
      expect(p.row()).toMatchObject({ status: 'COMPLETED', result: '已注销驾驶证', caseRef: 'HH20260302000001', unitCode: '510107001', handledUnitCode: '510107001' });
      expect(p.row().timeline.map((t) => t.action)).toEqual(['REQUESTED', 'ACKNOWLEDGED', 'COMPLETED']);
    }
  });

  it('keeps the overdue flag once, with one timeline entry', async () => {
    const p = projectionOver();
    for (const e of [requested, flagged, flagged]) await p.projection.apply(e, {} as EntityManager);
    expect(p.row().overdue).toBe(true);
    expect(p.row().timeline.filter((t) => t.action === 'FLAG_OVERDUE')).toHaveLength(1);
  });

  it('folds a command reply in before its events (read-your-writes) without moving back or doubling the timeline', async () => {
    const p = projectionOver();
    const snapshot: TransferSnapshot = {
      transferId: ID, direction: 'INBOUND', fromService: from, toService: to, kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20260302000001',
      subjectIdNumber: '510107194910019190', reason: '请注销其机动车驾驶证', attachments: [], requestedDeadline: '2026-03-09', status: 'COMPLETED',
      result: '已注销驾驶证', unitCode: '510107001', overdue: false, updatedAt: '2026-03-02T03:00:01.000Z',
      timeline: [{ at: '2026-03-02T02:00:00.000Z', actorName: '王窗口', action: 'REQUESTED' }],
    };
    await p.projection.applySnapshot(snapshot, {} as EntityManager);
    expect(p.row()).toMatchObject({ status: 'COMPLETED', result: '已注销驾驶证', caseRef: 'HH20260302000001', unitCode: '510107001', requestedByName: '王窗口' });
    for (const e of [requested, acknowledged, completed]) await p.projection.apply(e, {} as EntityManager);
    expect(p.row().status).toBe('COMPLETED');
    expect(p.row().timeline.map((t) => t.action)).toEqual(['REQUESTED', 'ACKNOWLEDGED', 'COMPLETED']);
    // A late, older reply does not move the status back.
    await p.projection.applySnapshot({ ...snapshot, status: 'ACKNOWLEDGED', result: null }, {} as EntityManager);
    expect(p.row()).toMatchObject({ status: 'COMPLETED', result: '已注销驾驶证' });
  });

  it('a revocation voids an open original; a result the receiver had already reported still wins', async () => {
    const views = new Map<string, TransferViewEntity>();
    const repo = {
      lockOrCreate: async (_m: EntityManager, transferId: string, fromService: string, toService: string) => {
        if (!views.has(transferId)) views.set(transferId, { transferId, fromService, toService, status: 'REQUESTED', attachments: [], timeline: [], overdue: false } as unknown as TransferViewEntity);
        return views.get(transferId)!;
      },
      save: async () => undefined,
    } as unknown as TransferViewRepository;
    const projection = new TransferProjectionService(repo);
    const REVOCATION_ID = '9a0f6f7e-8a51-4c3e-9a57-0d1b1c2d3e4f';
    const revocation = event(`t1.household.v1.transfer.requested.traffic`, {
      transferId: REVOCATION_ID, fromService: from, toService: to, kind: 'REVOCATION', caseRef: 'HH20260302000001', subjectIdNumber: '510107194910019190',
      reason: '死亡注销申请不予批准', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-03-09',
      requestedBy: { sub: 'o', name: '李户政', unitCode: '510107001' }, requestedAt: '2026-03-02T04:00:00.000Z', details: { revokes: ID, revokedKind: 'DEATH_FOLLOW_UP' },
    });
    for (const e of [requested, revocation]) await projection.apply(e, {} as EntityManager);
    expect(views.get(ID)).toMatchObject({ status: 'REVOKED' });
    expect(views.get(ID)!.timeline.map((t) => t.action)).toEqual(['REQUESTED', 'REVOKED']);
    expect(views.get(REVOCATION_ID)).toMatchObject({ kind: 'REVOCATION', status: 'REQUESTED' });
    for (const e of [acknowledged, completed]) await projection.apply(e, {} as EntityManager);
    expect(views.get(ID)).toMatchObject({ status: 'COMPLETED', result: '已注销驾驶证' });
  });

  it('rejects events that do not match their subject', () => {
    expect(readTransferEvent('household.v1.transfer.completed.traffic', { transferId: ID })).toHaveProperty('invalid');
    expect(readTransferEvent('household.v1.application.changed', {})).toHaveProperty('invalid');
  });
});
