import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 4 through the gateway: exit-entry acceptance rules, the citizen 360° view across all six
 * subgraphs (one audit row, masking by role), and the lost-and-found story with the owner's SMS.
 * Business date pinned to 2026-02-10. (Transfers and the death case: transfers.test.ts.)
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];


const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename ... on Application { number status deadline } ... on OneTimeNotice { number } } }`;

describe('exit-entry, citizen 360 and lost and found', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOST_FOUND_DISPOSAL_INTERVAL_MS: '0' } });
  let clerk: string;
  let householdOfficer: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, householdOfficer] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-household')]);
    await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string }[] }>('{ catalogItems(keyword: "护照") { code } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === 'EE-PASSPORT-FIRST');
    });
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  const passport = (key: string, idNumber: string, form: Record<string, unknown>) =>
    stack.gql<{ acceptApplication: Record<string, string> }>(ACCEPT, {
      input: { idempotencyKey: key, itemCode: 'EE-PASSPORT-FIRST', applicantIdNumber: idNumber, presentedMaterials: ['ID_CARD', 'ENTRY_EXIT_PHOTO', 'APPLICATION_FORM'], form },
    }, clerk);

  it('refuses a passport for a person cancelled by death, and for a minor without guardian data', async () => {
    const dead = await passport('e2e-passport-deceased', DEMO_PERSON_IDS.deceased, {
      applicantName: '李秀英', applicantIdNumber: DEMO_PERSON_IDS.deceased, contactPhone: '13800138009', travelPurpose: '旅游', pickupMethod: '窗口领取',
    });
    expect(code(dead)).toBe('PERSON_DECEASED');
    const minor = await passport('e2e-passport-minor', DEMO_PERSON_IDS.minor, {
      applicantName: '王子涵', applicantIdNumber: DEMO_PERSON_IDS.minor, contactPhone: '13800138001', travelPurpose: '旅游', pickupMethod: '窗口领取',
    });
    expect(code(minor)).toBe('GUARDIAN_REQUIRED');
    expect((await sql<{ n: string }>(stack.databases.get('exit-entry')!.url, 'SELECT count(*)::text AS n FROM application'))[0]!.n).toBe('0');
  });

  it('accepts a valid passport application with the 7-working-day deadline', async () => {
    const ok = await passport('e2e-passport-adult', DEMO_PERSON_IDS.adult, {
      applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', travelPurpose: '旅游', pickupMethod: '窗口领取',
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.acceptApplication).toMatchObject({ __typename: 'Application', status: 'ACCEPTED', deadline: '2026-02-26' });
    expect(ok.data?.acceptApplication.number).toMatch(/^EE20260210/);
  });

  const CITIZEN = `query($id: String!) { citizen(idNumber: $id, purpose: "窗口办理业务核验") {
    idNumber name phone phoneMasked status household { householdNumber members { name idNumber } }
    exitEntry { documents { number kind status } }
    traffic { licence { licenceClass status } vehicles { plateNumber vin } openViolations { fineFen points } }
    publicSecurity { permits { number } }
    complaints { complaints { number } evaluations { level } }
    counter { applications { number itemName } notices { number } } } }`;

  it('one citizen query returns sections from all six subgraphs, audited once, masked for the clerk', async () => {
    const householdDb = stack.databases.get('household')!.url;
    const before = await sql<{ n: string }>(householdDb, `SELECT count(*)::text AS n FROM audit_log WHERE action = 'CITIZEN_360_READ'`);
    const r = await stack.gql<{ citizen: Record<string, any> }>(CITIZEN, { id: DEMO_PERSON_IDS.adult }, clerk);
    expect(r.errors).toBeUndefined();
    const c = r.data!.citizen;
    expect(c).toMatchObject({ name: '张伟', phone: '138****8000', phoneMasked: true, status: 'NORMAL' });
    expect(c.exitEntry.documents.length).toBeGreaterThan(0);
    expect(c.traffic.licence).toMatchObject({ licenceClass: 'C1' });
    expect(c.traffic.openViolations.length).toBeGreaterThan(0);
    expect(c.traffic.vehicles[0].vin).toContain('*');
    expect(c.publicSecurity).toEqual({ permits: [] });
    expect(c.complaints).toEqual({ complaints: [], evaluations: [] });
    expect(c.counter.applications.map((a: { itemName: string }) => a.itemName)).toContain('普通护照首次申领');

    const rows = await sql<{ actor_username: string; purpose: string; subject_ref: string }>(
      householdDb, `SELECT actor_username, purpose, subject_ref FROM audit_log WHERE action = 'CITIZEN_360_READ' ORDER BY id`);
    expect(rows.length - Number(before[0]!.n)).toBe(1);
    expect(rows[rows.length - 1]).toEqual({ actor_username: 'demo-clerk', purpose: '窗口办理业务核验', subject_ref: DEMO_PERSON_IDS.adult });

    const officerView = await stack.gql<{ citizen: { phone: string; phoneMasked: boolean } }>(CITIZEN, { id: DEMO_PERSON_IDS.adult }, householdOfficer);
    expect(officerView.data?.citizen).toMatchObject({ phone: '13800138000', phoneMasked: false });
  });

  it('a lost item handed in by the sanitation department is matched, the owner texted, and claimed', async () => {
    const registered = await stack.gql<{ registerFoundItems: { items: { number: string; status: string }[] } }>(
      `mutation($input: RegisterFoundItemsInput!) { registerFoundItems(input: $input) { items { number status } } }`,
      { input: { handedInBy: 'SANITATION', handedInByName: '武侯区环卫所清扫一队', batchReference: 'HW-E2E-0001', storagePlace: '浆洗街派出所失物招领窗口',
        items: [{ category: 'WALLET', description: '黑色皮质钱包，内有银行卡两张', foundOn: '2026-02-09', foundPlace: '锦里西路公交站' },
                { category: 'KEYS', description: '一串钥匙，三把', foundOn: '2026-02-09', foundPlace: '洗面桥街' }] } },
      clerk);
    expect(registered.errors).toBeUndefined();
    const wallet = registered.data!.registerFoundItems.items[0]!;
    expect(wallet.status).toBe('IN_STORAGE');

    const found = await stack.gql<{ searchFoundItems: { items: { number: string }[] } }>('{ searchFoundItems(category: WALLET, keyword: "黑色", place: "锦里") { items { number } } }', {}, clerk);
    expect(found.data?.searchFoundItems.items.map((i) => i.number)).toContain(wallet.number);

    const report = await stack.gql<{ fileLostReport: { id: string } }>(
      `mutation($input: FileLostReportInput!) { fileLostReport(input: $input) { id } }`,
      { input: { category: 'WALLET', description: '黑色钱包，有两张银行卡', phone: '13800138000', reporterIdNumber: DEMO_PERSON_IDS.adult, reporterName: '张伟' } }, clerk);
    const matched = await stack.gql<{ confirmMatch: { status: string } }>(
      'mutation($n: String!, $r: ID!) { confirmMatch(foundItemNumber: $n, lostReportId: $r) { status } }', { n: wallet.number, r: report.data!.fileLostReport.id }, clerk);
    expect(matched.data?.confirmMatch.status).toBe('MATCHED');

    const sms = await eventually(async () => {
      const rows = await sql<{ status: string; text: string; phone: string }>(stack.databases.get('counter')!.url,
        `SELECT status, text, phone FROM sms_message WHERE application_number = $1`, [wallet.number]);
      return rows[0]?.status === 'SENT' && rows;
    });
    expect(sms).toHaveLength(1);
    expect(sms[0]!.phone).toBe('13800138000');
    expect(sms[0]!.text).toContain('钱包');
    expect(sms[0]!.text).not.toContain('张伟');

    const wrong = await stack.gql('mutation($input: ClaimFoundItemInput!) { claimFoundItem(input: $input) { status } }',
      { input: { foundItemNumber: wallet.number, claimantIdNumber: DEMO_PERSON_IDS.jinjiang, claimantPhone: '13900139000', descriptionGiven: '黑色钱包', identityVerified: true, verificationMethod: 'ID_CARD' } }, clerk);
    expect(code(wrong)).toBe('CLAIMANT_MISMATCH');
    const claimed = await stack.gql<{ claimFoundItem: { status: string } }>('mutation($input: ClaimFoundItemInput!) { claimFoundItem(input: $input) { status } }',
      { input: { foundItemNumber: wallet.number, claimantIdNumber: DEMO_PERSON_IDS.adult, claimantPhone: '13800138000', descriptionGiven: '黑色钱包，内有银行卡', identityVerified: true, verificationMethod: 'ID_CARD' } }, clerk);
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data?.claimFoundItem.status).toBe('CLAIMED');
  });
});
