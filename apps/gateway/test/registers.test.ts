import { Buffer } from 'node:buffer';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { sql, TestStack } from '@onewindow/testing';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/**
 * Issue 8 end to end through the gateway: approvals write the household registers, and 免提交
 * materials are checked online (demo fixture adapters) — not found → the one-time notice asks for
 * the paper with a note. Real processes, PostgreSQL and NATS; business date pinned.
 */
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename
  ... on Application { number status timeline { action reason } }
  ... on OneTimeNotice { number missingMaterials { code name note } pdfBase64 }
} }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { number status timeline { action reason } } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

describe('registers follow the cases (户政)', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-11-26', DEADLINE_JOB_INTERVAL_MS: '0' } });
  let clerk: string;
  let officer: string;
  const householdDb = () => stack.databases.get('household')!.url;
  const mother = DEMO_PERSON_IDS.minorMother;

  beforeAll(async () => {
    await stack.start();
    [clerk, officer] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-household')]);
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  const accept = (input: Record<string, unknown>) => stack.gql<{ acceptApplication: Record<string, any> }>(ACCEPT, { input }, clerk);
  const approve = async (number: string) => {
    const review = await stack.gql(TRANSITION, { input: { number, action: 'START_REVIEW' } }, officer);
    expect(review.errors).toBeUndefined();
    const r = await stack.gql<{ transitionApplication: { status: string; timeline: { action: string; reason: string | null }[] } }>(TRANSITION, { input: { number, action: 'APPROVE' } }, officer);
    expect(r.errors).toBeUndefined();
    return r.data!.transitionApplication;
  };

  it('birth registration with 出生医学证明 and 结婚证 verified online: approved, the baby is on the register in the parents\' household', async () => {
    const r = await accept({
      idempotencyKey: 'e2e-birth-1', itemCode: 'HH-BIRTH-REG', applicantIdNumber: mother, presentedMaterials: ['PARENT_HOUSEHOLD_REGISTER', 'PARENT_ID_CARDS'],
      form: { applicantName: '刘芳', applicantIdNumber: mother, contactPhone: '13800138002', relationToBaby: '母亲', babyName: '王小雨', babyGender: '女', babyBirthDate: '2026-11-20', babyEthnicity: '汉族' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.acceptApplication).toMatchObject({ __typename: 'Application', status: 'ACCEPTED' });
    const approved = await approve(r.data!.acceptApplication.number as string);
    expect(approved.status).toBe('APPROVED');
    expect(approved.timeline.at(-1)).toMatchObject({ action: 'REGISTER_BIRTH', reason: expect.stringMatching(/^已登记出生：王小雨（510107\*{8}\d{3}[\dX]）入户 510107001900003$/) });

    const [baby] = await sql<{ id_number: string; relation_to_head: string }>(householdDb(), `SELECT id_number, relation_to_head FROM person WHERE name = '王小雨'`);
    expect(baby).toMatchObject({ id_number: expect.stringMatching(/^51010720261120\d{3}[\dX]$/), relation_to_head: '女' });
    const hh = await stack.gql<{ household: { members: { name: string; relationToHead: string }[] } }>(
      'query { household(householdNumber: "510107001900003", purpose: "核对出生登记") { members { name relationToHead } } }', {}, clerk);
    expect(hh.errors).toBeUndefined();
    expect(hh.data!.household.members.map((m) => m.relationToHead)).toEqual(['户主', '配偶', '子', '女']);
    const [checks] = await sql<{ n: number }>(householdDb(), `SELECT count(*)::int AS n FROM application_material_check WHERE outcome = 'FOUND'`);
    expect(checks).toEqual({ n: 2 });
  });

  it('move-in whose 住所 the housing department does not know: the one-time notice asks for the paper, saying why', async () => {
    const newcomer = '440106199603030214';
    const r = await accept({
      idempotencyKey: 'e2e-move-in-1', itemCode: 'HH-MOVE-IN', applicantIdNumber: newcomer, presentedMaterials: ['MIGRATION_CERT', 'ID_CARD'],
      form: { applicantName: '林晓', applicantIdNumber: newcomer, contactPhone: '13711112222', moveReason: '购房落户', newAddress: '武侯区新南路8号', householdChoice: '立新户', ethnicity: '汉族' },
    });
    expect(r.errors).toBeUndefined();
    const notice = r.data!.acceptApplication;
    expect(notice.__typename).toBe('OneTimeNotice');
    expect(notice.missingMaterials).toEqual([{ code: 'HOUSING_PROOF', name: '合法稳定住所证明', note: '住建房产网上核验未查到相关记录，请提交合法稳定住所证明原件' }]);
    const text = (await pdfParse(Buffer.from(notice.pdfBase64 as string, 'base64'))).text.replace(/\s+/g, '');
    expect(text).toContain('网上核验未查到相关记录');

    // A form that names no household for 入现有户 is refused with a typed code, nothing written.
    const refused = await accept({
      idempotencyKey: 'e2e-move-in-2', itemCode: 'HH-MOVE-IN', applicantIdNumber: newcomer, presentedMaterials: ['MIGRATION_CERT', 'ID_CARD', 'HOUSING_PROOF'],
      form: { applicantName: '林晓', applicantIdNumber: newcomer, contactPhone: '13711112222', moveReason: '投靠亲属', newAddress: '武侯区', householdChoice: '入现有户', targetHouseholdNumber: '510107001999999', relationToHead: '子', ethnicity: '汉族' },
    });
    expect(code(refused)).toBe('TARGET_HOUSEHOLD_NOT_FOUND');

    const settled = await accept({
      idempotencyKey: 'e2e-move-in-3', itemCode: 'HH-MOVE-IN', applicantIdNumber: newcomer, presentedMaterials: ['MIGRATION_CERT', 'ID_CARD', 'HOUSING_PROOF'], fromNoticeNumber: notice.number,
      form: { applicantName: '林晓', applicantIdNumber: newcomer, contactPhone: '13711112222', moveReason: '购房落户', newAddress: '武侯区新南路8号', householdChoice: '立新户', ethnicity: '汉族' },
    });
    expect(settled.errors).toBeUndefined();
    await approve(settled.data!.acceptApplication.number as string);
    const person = await stack.gql<{ person: { status: string; householdNumber: string; relationToHead: string } }>(
      'query($id: String!) { person(idNumber: $id, purpose: "核对迁入登记") { status householdNumber relationToHead } }', { id: newcomer }, clerk);
    expect(person.data?.person).toEqual({ status: 'NORMAL', householdNumber: '510107001000001', relationToHead: '户主' });
  });

  it('residence permit approved: residencePermits shows it, phone masked for the clerk, read audited', async () => {
    const migrant = '420102200207150325';
    const r = await accept({
      idempotencyKey: 'e2e-permit-1', itemCode: 'HH-RESIDENCE-PERMIT', applicantIdNumber: migrant, presentedMaterials: ['ID_CARD', 'ID_PHOTO_RECEIPT', 'RESIDENCE_REGISTRATION', 'CONDITION_PROOF'],
      form: { applicantName: '赵敏', applicantIdNumber: migrant, contactPhone: '13711113333', residenceAddress: '武侯区某街1号', residenceSince: '2025-01-01', qualifyingCondition: '连续就读', pickupMethod: '窗口领取' },
    });
    expect(r.errors).toBeUndefined();
    await approve(r.data!.acceptApplication.number as string);
    const q = 'query($id: String!) { residencePermits(idNumber: $id, purpose: "核对居住证") { permitNumber holderName holderPhone validUntil status lapsed endorsements { endorsedOn } } }';
    const seen = await stack.gql<{ residencePermits: Record<string, unknown>[] }>(q, { id: migrant }, clerk);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.residencePermits).toEqual([
      { permitNumber: '5101072026000001', holderName: '赵敏', holderPhone: '137****3333', validUntil: '2027-11-26', status: 'VALID', lapsed: false, endorsements: [] },
    ]);
    expect((await stack.gql<{ residencePermits: { holderPhone: string }[] }>(q, { id: migrant }, officer)).data!.residencePermits[0]!.holderPhone).toBe('13711113333');
    expect(code(await stack.gql('query { residencePermits(idNumber: "420102200207150325", purpose: " ") { permitNumber } }', {}, clerk))).toBeDefined();
    const audit = await sql<{ action: string; purpose: string }>(householdDb(), `SELECT action, purpose FROM audit_log WHERE action = 'RESIDENCE_PERMIT_READ' ORDER BY id`);
    expect(audit.slice(0, 2)).toEqual([{ action: 'RESIDENCE_PERMIT_READ', purpose: '核对居住证' }, { action: 'RESIDENCE_PERMIT_READ', purpose: '核对居住证' }]);
  });
});
