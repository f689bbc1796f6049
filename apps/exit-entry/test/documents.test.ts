import type { TransferEntity } from '@onewindow/transfers';
import { Role, type ApplicationSnapshot, type Identity, type TransferRequestedEvent } from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { AuditService, BusinessClock, buildDataSourceOptions, createLogger } from '@onewindow/platform';
import { createTestDatabase, sql, type TestDatabase } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeathFollowUpWorker } from '../src/death-follow-up/death-follow-up.worker.js';
import { DocumentIssuingService } from '../src/travel-document/document-issuing.service.js';
import { DocumentQueryService } from '../src/travel-document/document-query.service.js';
import { DocumentRegisterRepository } from '../src/travel-document/document-register.repository.js';
import { EXIT_ENTRY_ENTITIES, EXIT_ENTRY_MIGRATIONS } from '../src/exit-entry.schema.js';
import { DEMO_DOCUMENT_NUMBERS, DEMO_DOCUMENTS } from '../src/seed/demo-documents.js';
import { seedDemoData } from '../src/seed/demo-seed.js';

/** The documents register, its MARK_READY effects and the death follow-up on a real, freshly migrated database. */
describe('exit-entry documents on PostgreSQL', () => {
  const TODAY = '2026-11-26';
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const officer: Identity = { ...clerk, sub: 'u-ee', username: 'demo-exit-entry', roles: [Role.OFFICER], policeType: 'EXIT_ENTRY' as Identity['policeType'] };
  const system: Identity = { sub: 'system:transfers', username: 'system', displayName: '系统', roles: [], unitCode: '', unitName: '' };
  const clock = new BusinessClock(TODAY, 'test');
  let db: TestDatabase;
  let ds: DataSource;
  let register: DocumentRegisterRepository;
  let issuing: DocumentIssuingService;
  let reads: DocumentQueryService;

  beforeAll(async () => {
    db = await createTestDatabase('exitentry');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: EXIT_ENTRY_ENTITIES, migrations: EXIT_ENTRY_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    register = new DocumentRegisterRepository();
    issuing = new DocumentIssuingService(register, clock);
    reads = new DocumentQueryService(ds, register, new AuditService(ds));
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;
  const documentsOf = (holder: string) =>
    rows<{ number: string; kind: string; status: string; issued_on: string; valid_until: string; status_changed_on: string | null; replaces: string | null }>(
      `SELECT d.number, d.kind, d.status, to_char(d.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until,
              to_char(d.status_changed_on, 'YYYY-MM-DD') AS status_changed_on, r.number AS replaces
       FROM travel_document d LEFT JOIN travel_document r ON r.id = d.replaces_document_id
       WHERE d.holder_id_number = $1 ORDER BY d.kind, d.issued_on, d.number`,
      [holder],
    );
  let seq = 0;
  const app = (itemCode: string, applicant: string, form: Record<string, unknown> = {}, unitCode = '510107001') =>
    ({
      number: `EE20261126${String(++seq).padStart(6, '0')}`, itemCode, itemName: itemCode, applicantIdNumber: applicant, form, unitCode,
      acceptedAt: '2026-11-18T02:00:00.000Z',
    }) as unknown as ApplicationSnapshot;
  const markReady = (a: ApplicationSnapshot, actor: Identity = officer) => ds.transaction((m) => issuing.recordResult(a, actor, TODAY, m));

  it('seeds the demo documents once, in test mode too', async () => {
    const logger = createLogger('exit-entry', 'silent');
    expect(await seedDemoData(ds, 'test', logger)).toBe(DEMO_DOCUMENTS.length);
    expect(await seedDemoData(ds, 'demo', logger)).toBe(0);
    expect(await seedDemoData(ds, 'production', logger)).toBe(0);
    expect((await documentsOf(DEMO_PERSON_IDS.toDie)).map((d) => [d.number, d.status])).toEqual([
      [DEMO_DOCUMENT_NUMBERS.toDieHkmoPermit, 'VALID'],
      [DEMO_DOCUMENT_NUMBERS.toDiePassport, 'VALID'],
    ]);
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM endorsement`);
    expect(n).toBe(2);
  });

  it('MARK_READY of a passport renewal issues a new passport and supersedes the old one, once', async () => {
    const renewal = app('EE-PASSPORT-RENEW', DEMO_PERSON_IDS.adult, { renewReason: '有效期即将届满' });
    const result = await markReady(renewal);
    expect(result.document).toMatchObject({ kind: 'PASSPORT', number: 'E10000001', validUntil: '2036-11-25' });
    await markReady(renewal);
    expect(await documentsOf(DEMO_PERSON_IDS.adult)).toEqual([
      expect.objectContaining({ number: DEMO_DOCUMENT_NUMBERS.adultPassport, status: 'REPLACED', status_changed_on: TODAY }),
      expect.objectContaining({ number: 'E10000001', status: 'VALID', issued_on: TODAY, valid_until: '2036-11-25', replaces: DEMO_DOCUMENT_NUMBERS.adultPassport }),
    ]);
  });

  it('a replacement after a loss marks the old document LOST; a minor gets a 5-year passport', async () => {
    await markReady(app('EE-PASSPORT-REPLACE', DEMO_PERSON_IDS.adult, { replaceReason: '遗失' }));
    expect((await documentsOf(DEMO_PERSON_IDS.adult)).map((d) => d.status)).toEqual(['REPLACED', 'LOST', 'VALID']);
    await markReady(app('EE-PASSPORT-FIRST', DEMO_PERSON_IDS.minor, { guardianIdNumber: DEMO_PERSON_IDS.minorMother, guardianRelation: '母亲' }));
    expect(await documentsOf(DEMO_PERSON_IDS.minor)).toEqual([expect.objectContaining({ kind: 'PASSPORT', status: 'VALID', valid_until: '2031-11-25' })]);
  });

  it('a HK/Macau permit with an endorsement, and a self-service endorsement with its kiosk record', async () => {
    const father = DEMO_PERSON_IDS.minorFather;
    const first = await markReady(app('EE-HKMO-PERMIT-FIRST', father, { withEndorsement: '探亲', endorsementEntries: '二次有效' }));
    expect(first.endorsement).toMatchObject({ type: 'FAMILY_VISIT', validUntil: '2027-02-25', selfService: false });

    const kiosk = app('EE-SELF-ENDORSE', DEMO_PERSON_IDS.jinjiang, { endorsementType: '个人旅游', entries: '一次有效', machineId: 'WH-ZZ-0101' }, '510104002');
    expect((await markReady(kiosk)).endorsement).toMatchObject({ type: 'INDIVIDUAL_TOUR', selfService: true });
    expect(await markReady(kiosk)).toEqual({});
    const endorsements = await rows<{ number: string; type: string; entries: string; channel: string; machine_id: string | null }>(
      `SELECT d.number, e.type, e.entries, e.channel, s.machine_id FROM endorsement e JOIN travel_document d ON d.id = e.document_id
       LEFT JOIN self_service_endorsement s ON s.endorsement_id = e.id WHERE e.application_number IS NOT NULL ORDER BY e.created_at`,
    );
    expect(endorsements).toEqual([
      { number: 'C10000004', type: 'FAMILY_VISIT', entries: 'DOUBLE', channel: 'COUNTER', machine_id: null },
      { number: DEMO_DOCUMENT_NUMBERS.jinjiangHkmoPermit, type: 'INDIVIDUAL_TOUR', entries: 'SINGLE', channel: 'SELF_SERVICE', machine_id: 'WH-ZZ-0101' },
    ]);
    // No valid Taiwan permit: the endorsement cannot be recorded, and nothing is written.
    await expect(markReady(app('EE-TW-ENDORSE', DEMO_PERSON_IDS.adult, { endorsementType: '团队旅游', entries: '一次有效' }))).rejects.toMatchObject({ code: 'DOCUMENT_REQUIRED' });
  });

  it('at most one valid document of a kind per holder', async () => {
    await expect(
      sql(db.url, `INSERT INTO travel_document (number, kind, holder_id_number, issued_on, valid_until, unit_code) VALUES ('E10009999', 'PASSPORT', $1, $2, '2036-11-25', '510107001')`, [
        DEMO_PERSON_IDS.toDie, TODAY,
      ]),
    ).rejects.toThrow(/travel_document_one_valid_idx/);
  });

  it('the citizen section reads city-wide without an audit row; a lookup by number is audited', async () => {
    const views = await reads.sectionFor({ ...clerk, unitCode: '510104002' }, DEMO_PERSON_IDS.toDie);
    expect(views.map((v) => v.document.number)).toEqual([DEMO_DOCUMENT_NUMBERS.toDieHkmoPermit, DEMO_DOCUMENT_NUMBERS.toDiePassport]);
    expect(await reads.sectionFor({ ...clerk, unitCode: '520102001' }, DEMO_PERSON_IDS.toDie)).toEqual([]);
    await expect(reads.sectionFor({ ...clerk, roles: [Role.ANALYST] }, DEMO_PERSON_IDS.toDie)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rows(`SELECT 1 FROM audit_log`)).toEqual([]);

    const view = await reads.getByNumber(clerk, DEMO_DOCUMENT_NUMBERS.jinjiangHkmoPermit.toLowerCase(), '核验持证人身份');
    expect(view.endorsements.map((e) => e.type)).toEqual(['INDIVIDUAL_TOUR', 'INDIVIDUAL_TOUR']);
    await expect(reads.getByNumber(clerk, 'E12345678', '核验')).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    await expect(reads.getByNumber(clerk, 'E12345678', ' ')).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
    expect(await rows(`SELECT action, subject_ref, purpose, outcome FROM audit_log ORDER BY id`)).toEqual([
      { action: 'TRAVEL_DOCUMENT_READ', subject_ref: DEMO_DOCUMENT_NUMBERS.jinjiangHkmoPermit, purpose: '核验持证人身份', outcome: 'SUCCESS' },
      { action: 'TRAVEL_DOCUMENT_READ', subject_ref: 'E12345678', purpose: '核验', outcome: 'FAILURE' },
    ]);
  });

  it('the death follow-up cancels every valid document through the given transaction, once', async () => {
    const worker = new DeathFollowUpWorker(clock);
    const transfer = {
      transferId: randomUUID(), fromService: 'household', toService: 'exit-entry', kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20261126000007',
      subjectIdNumber: DEMO_PERSON_IDS.toDie, reason: '死亡注销后续处理', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-12-03',
      requestedBy: { sub: 'u-hh', name: '李户政', unitCode: '510107001' }, requestedAt: '2026-11-26T02:00:00.000Z', details: { dateOfDeath: '2026-11-20' },
    } as TransferRequestedEvent;

    // A failure later in the transaction leaves the documents untouched.
    await expect(ds.transaction(async (m) => {
      await worker.work(transfer, m, system);
      throw new Error('transfer bookkeeping failed');
    })).rejects.toThrow('bookkeeping');
    expect((await documentsOf(DEMO_PERSON_IDS.toDie)).map((d) => d.status)).toEqual(['VALID', 'VALID']);

    const done = await ds.transaction((m) => worker.work(transfer, m, system));
    expect(done).toEqual({
      result: '已注销普通护照1本、往来港澳通行证1本',
      details: { cancelled: { PASSPORT: 1, HKMO_PERMIT: 1 }, holder: '510107********9199', documentIds: [expect.any(String), expect.any(String)] },
    });
    const after = await rows<{ status: string; status_reason: string; changed: string }>(
      `SELECT status, status_reason, to_char(status_changed_on, 'YYYY-MM-DD') AS changed FROM travel_document WHERE holder_id_number = $1`, [DEMO_PERSON_IDS.toDie]);
    expect(after).toEqual([
      { status: 'CANCELLED', status_reason: '持证人死亡，户口已注销（户政办件 HH20261126000007，死亡日期 2026-11-20）', changed: TODAY },
      { status: 'CANCELLED', status_reason: '持证人死亡，户口已注销（户政办件 HH20261126000007，死亡日期 2026-11-20）', changed: TODAY },
    ]);
    expect((await ds.transaction((m) => worker.work(transfer, m, system))).result).toBe('死者无有效出入境证件，无需注销');
    // Another holder's documents are untouched.
    expect((await documentsOf(DEMO_PERSON_IDS.jinjiang)).map((d) => d.status)).toEqual(['VALID']);

    // The death cancellation is revoked: exactly the documents this follow-up cancelled are valid again, once.
    const original = { transferId: transfer.transferId, resultDetails: done.details } as unknown as TransferEntity;
    const revocation = { ...transfer, kind: 'REVOCATION', caseRef: 'HH20261126000007' } as TransferRequestedEvent;
    expect((await ds.transaction((m) => worker.revoke(original, revocation, m, system))).result).toBe('已恢复普通护照1本、往来港澳通行证1本');
    expect((await documentsOf(DEMO_PERSON_IDS.toDie)).map((d) => d.status)).toEqual(['VALID', 'VALID']);
    expect((await ds.transaction((m) => worker.revoke(original, revocation, m, system))).result).toBe('原移交未注销证件（或已另行处理），无需恢复');
  });

  it('the documents migration reverts and re-applies', async () => {
    // Platform migrations newer than this service's own (e.g. ConsumerBegin1798400000000) go first.
    const newestOwn = Math.max(...EXIT_ENTRY_MIGRATIONS.map((m) => Number(/(\d+)$/.exec(m.name)?.[1] ?? 0)));
    while (Number(((await ds.query(`SELECT max(timestamp) AS t FROM migrations`)) as { t: string }[])[0]?.t ?? 0) > newestOwn) await ds.undoLastMigration({ transaction: 'each' });
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await rows(`SELECT 1 FROM information_schema.tables WHERE table_name IN ('travel_document', 'endorsement', 'self_service_endorsement')`)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await rows(`SELECT 1 FROM information_schema.tables WHERE table_name IN ('travel_document', 'endorsement', 'self_service_endorsement')`)).toHaveLength(3);
  });
});
