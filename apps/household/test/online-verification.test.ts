import { fixtureAdapters, httpAdapters, VerificationSource } from '@onewindow/online-verification';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildIdNumber } from '@onewindow/id-number';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { CaseworkHarness } from './casework-harness.js';

const TODAY = '2026-11-26';
const mother = DEMO_PERSON_IDS.minorMother;
const birthForm = { applicantName: '刘芳', applicantIdNumber: mother, contactPhone: '13800138002', relationToBaby: '母亲', babyName: '王小雨', babyGender: '女', babyBirthDate: '2026-11-20', babyEthnicity: '汉族' };
const paperOnly = ['PARENT_HOUSEHOLD_REGISTER', 'PARENT_ID_CARDS']; // 出生医学证明 and 结婚证 left at home (免提交)

/** 免提交: materials checked online at acceptance — found, not found, department down — on PostgreSQL + NATS. */
describe('online verification at acceptance (fixture adapters)', () => {
  const h = new CaseworkHarness(TODAY, fixtureAdapters({
    [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: { records: [{ idNumber: mother, reference: 'Q510107260001' }] },
    [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: { records: [{ idNumber: mother, reference: 'J510107-2012-003456' }] },
    [VerificationSource.HOUSING_PROPERTY]: { unavailable: true, records: [] },
    [VerificationSource.SOCIAL_SECURITY]: { records: [] },
  }, () => new Date('2026-11-26T02:00:00Z')));
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.stop(), 60_000);

  it('FOUND: accepted without the paper; each check recorded on the application with source, time and reference', async () => {
    const reply = await h.accept('HH-BIRTH-REG', mother, birthForm, paperOnly);
    expect(reply.outcome).toBe('ACCEPTED');
    const rows = await h.rows(`SELECT c.material_code, c.source, c.outcome, c.reference, c.checked_at FROM application_material_check c JOIN application a ON a.id = c.application_id WHERE a.number = $1 ORDER BY c.material_code`, [reply.application!.number]);
    expect(rows).toEqual([
      { material_code: 'BIRTH_MEDICAL_CERT', source: 'HEALTH_BIRTH_CERTIFICATE', outcome: 'FOUND', reference: 'Q510107260001', checked_at: new Date('2026-11-26T02:00:00Z') },
      { material_code: 'MARRIAGE_CERT', source: 'CIVIL_AFFAIRS_MARRIAGE', outcome: 'FOUND', reference: 'J510107-2012-003456', checked_at: new Date('2026-11-26T02:00:00Z') },
    ]);
    expect(reply.application!.timeline[0]!.details).toMatchObject({ onlineVerifications: [expect.objectContaining({ code: 'BIRTH_MEDICAL_CERT', outcome: 'FOUND' }), expect.objectContaining({ code: 'MARRIAGE_CERT', outcome: 'FOUND' })] });
  });

  it('NOT_FOUND and SOURCE_UNAVAILABLE: the material goes on the one-time notice with a note; nothing is written', async () => {
    const before = await h.rows(`SELECT count(*)::int AS n FROM application`);
    const migrant = buildIdNumber({ regionCode: '440106', birthDate: '1996-03-03', sequence: 21 });
    const permitForm = { applicantName: '林晓', applicantIdNumber: migrant, contactPhone: '13711112222', residenceAddress: '武侯区某街1号', residenceSince: '2025-01-01', qualifyingCondition: '合法稳定就业', pickupMethod: '窗口领取' };
    // 居住登记 (our own system) has no adapter and stays trusted; 就业 is checked with 人社, which has no record.
    const notFound = await h.accept('HH-RESIDENCE-PERMIT', migrant, permitForm, ['ID_CARD', 'ID_PHOTO_RECEIPT']);
    expect(notFound).toMatchObject({
      outcome: 'MISSING_MATERIALS',
      missing: [{ code: 'CONDITION_PROOF', note: '人社社保网上核验未查到相关记录，请提交合法稳定就业、合法稳定住所或连续就读的证明（其一）原件' }],
      verifications: [expect.objectContaining({ code: 'CONDITION_PROOF', source: 'SOCIAL_SECURITY', outcome: 'NOT_FOUND', checkedAt: '2026-11-26T02:00:00.000Z' })],
    });
    const down = await h.accept('HH-RESIDENCE-PERMIT', migrant, { ...permitForm, qualifyingCondition: '合法稳定住所' }, ['ID_CARD', 'ID_PHOTO_RECEIPT']);
    expect(down).toMatchObject({ outcome: 'MISSING_MATERIALS', missing: [{ code: 'CONDITION_PROOF', note: expect.stringMatching(/^住建房产网上核验暂时无法使用，请提交/) }] });
    expect(await h.rows(`SELECT count(*)::int AS n FROM application`)).toEqual(before);

    // The citizen brings the paper (一次告知、二次办结): accepted, no online check needed.
    const second = await h.accept('HH-RESIDENCE-PERMIT', migrant, permitForm, ['ID_CARD', 'ID_PHOTO_RECEIPT', 'CONDITION_PROOF']);
    expect(second.outcome).toBe('ACCEPTED');
    expect(await h.rows(`SELECT 1 FROM application_material_check c JOIN application a ON a.id = c.application_id WHERE a.number = $1`, [second.application!.number])).toEqual([]);
  });
});

/** The same fallback through the HTTP adapters, against a real department server on 127.0.0.1. */
describe('online verification at acceptance (HTTP adapters)', () => {
  let server: Server;
  let h: CaseworkHarness;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        if (req.headers.authorization !== 'Bearer t-ok') return void res.writeHead(401).end();
        if (req.url?.startsWith('/marriage/')) return void res.writeHead(503).end('maintenance');
        const { idNumber } = JSON.parse(raw) as { idNumber: string };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(idNumber === mother ? { found: true, reference: 'Q-HTTP-1' } : { found: false }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ep = (path: string) => ({ baseUrl: `${base}/${path}`, token: 't-ok' });
    h = await new CaseworkHarness(TODAY, httpAdapters({
      [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: ep('marriage'),
      [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: ep('birth-cert'),
      [VerificationSource.HOUSING_PROPERTY]: ep('housing'),
      [VerificationSource.SOCIAL_SECURITY]: ep('social-security'),
    }, 2_000)).start();
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }, 60_000);

  it('the civil-affairs server answering 503 puts 结婚证 on the notice (verification unavailable); the birth certificate is found', async () => {
    const reply = await h.accept('HH-BIRTH-REG', mother, birthForm, paperOnly);
    expect(reply).toMatchObject({
      outcome: 'MISSING_MATERIALS',
      missing: [{ code: 'MARRIAGE_CERT', name: '父母结婚证', note: '民政婚姻登记网上核验暂时无法使用，请提交父母结婚证原件' }],
    });
    expect(reply.verifications?.map((v) => [v.code, v.outcome, v.detail ?? v.reference])).toEqual([
      ['BIRTH_MEDICAL_CERT', 'FOUND', 'Q-HTTP-1'],
      ['MARRIAGE_CERT', 'SOURCE_UNAVAILABLE', 'HTTP 503'],
    ]);
    const accepted = await h.accept('HH-BIRTH-REG', mother, birthForm, [...paperOnly, 'MARRIAGE_CERT']);
    expect(accepted.outcome).toBe('ACCEPTED');
    expect(await h.rows(`SELECT material_code, outcome, reference FROM application_material_check`)).toEqual([{ material_code: 'BIRTH_MEDICAL_CERT', outcome: 'FOUND', reference: 'Q-HTTP-1' }]);
  });
});
