import { Role, type ApplicationSnapshot, type Identity } from '@onewindow/contracts';
import type { AuditService, BusinessClock, RpcClient } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { applicationSnapshot } from '../../test/application-snapshot.factory.js';
import type { CounterConfig } from '../config.js';
import type { CatalogIndexService } from '../catalog/catalog-index.service.js';
import type { TransactionRunner } from '../common/transaction-runner.js';
import type { SmsService } from '../sms/sms.service.js';
import { InboxProjectionService } from './inbox-projection.service.js';
import type { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';

const clerk: Identity = { sub: 'demo:clerk', username: 'clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };

const readyForPickup = applicationSnapshot({ status: 'READY_FOR_PICKUP', version: 3, updatedAt: '2026-02-12T10:00:00+08:00' });

/** The inbox wired to fakes: the projection has not caught up, the owning service answers. */
function inboxWithFakes() {
  const queued: string[] = [];
  const projected: string[] = [];
  const sms = { queueForSnapshot: (s: ApplicationSnapshot) => Promise.resolve(void queued.push(s.number)) } as unknown as SmsService;
  const repo = {
    findByNumber: () => Promise.resolve(null),
    findServiceOf: () => Promise.resolve(null),
    upsertUnlessOlder: (r: { number: string }) => Promise.resolve(projected.push(r.number) > 0),
  } as unknown as InboxRepository;
  const projection = new InboxProjectionService(repo, sms);
  const rpc = { request: () => Promise.resolve(JSON.parse(JSON.stringify(readyForPickup)) as unknown) } as unknown as RpcClient;
  const audit = { record: () => Promise.resolve() } as unknown as AuditService;
  const clock = { today: () => '2026-02-12' } as unknown as BusinessClock;
  const tx = { run: <T>(work: (m: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as TransactionRunner;
  const service = new InboxService(repo, projection, rpc, audit, clock, {} as CatalogIndexService, tx, { PUBLIC_BASE_URL: 'http://localhost:5173' } as CounterConfig);
  return { service, projection, queued, projected };
}

describe('reading an application through the inbox fallback', () => {
  it('projects what the owning service answered but never queues a pickup SMS', async () => {
    const { service, queued, projected } = inboxWithFakes();
    const { snapshot } = await service.read(clerk, 'hh-20260210-0001');
    expect(snapshot.status).toBe('READY_FOR_PICKUP');
    expect(projected).toEqual(['HH-20260210-0001']);
    expect(queued).toEqual([]);
  });

  it('the change itself (event or command reply) still queues the SMS', async () => {
    const { projection, queued } = inboxWithFakes();
    await projection.apply(readyForPickup, {} as EntityManager);
    expect(queued).toEqual(['HH-20260210-0001']);
  });
});
