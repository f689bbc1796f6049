import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 10, monthly figures (月报, decision 0016) on real processes, PostgreSQL and NATS, on the
 * real date (the complaints service stamps its events with the real time, so a pinned business date
 * would put the complaint in another month than the rest): a one-time notice, the complete visit accepted from
 * it and approved, a second application left open, a window evaluation, a complaint — folded by the
 * counter's durable consumers into the aggregates and read through the gateway, role- and
 * jurisdiction-scoped with typed errors. Re-published events (new message ids, older versions)
 * move nothing; the month rebuilt from the streams by the documented command equals the
 * incremental figures.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult;
const FORM = { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
/** This month in China (UTC+8), and months around it. */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const monthPlus = (n: number) => {
  const d = new Date(Date.UTC(Number(MONTH.slice(0, 4)), Number(MONTH.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};
const STATION = '510107001';

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename ... on Application { number status deadline } ... on OneTimeNotice { number } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const FIGURES = `accepted completed completedOnTime overdueBacklog workingDaysSum noticesIssued noticesReturnedComplete toleratedAccepted toleratedSupplied
  transfersOpened transfersCompleted transfersCompletedOnTime smsSent smsFailed homeVisits
  evaluationsVerySatisfied evaluationsSatisfied evaluationsBasic evaluationsDissatisfied evaluationsVeryDissatisfied
  complaintsAttitude complaintsDelay complaintsUnfamiliar complaintsMisconduct complaintsConsultation complaintsSuggestion complaintsPraise
  onTimeRate averageWorkingDays noticeReturnRate transferOnTimeRate smsFailureRate satisfactionRate evaluations complaints`;
const LINE = `key label unitCode policeType itemCode figures { ${FIGURES} } previousMonth { accepted overdueBacklog }`;
const REPORT = `query($month: String!, $unitCode: String) { monthlyReport(month: $month, unitCode: $unitCode) {
  month unitCode unitName level figures { ${FIGURES} } previousMonth { ${FIGURES} } sameMonthLastYear { accepted }
  byPoliceType { ${LINE} } children { ${LINE} } items { ${LINE} } trend { month figures { accepted completed overdueBacklog } } } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
type Report = { monthlyReport: Record<string, any> };
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

describe('monthly figures (月报) through the gateway', () => {
  const stack = new TestStack({ env: { DEADLINE_JOB_INTERVAL_MS: '0' }, sequential: true });
  let nc: NatsConnection;
  let clerk: string;
  let officer: string;
  let supervisor: string;
  let cityLead: string;
  let analyst: string;
  let incremental: Record<string, any>;
  const db = (s: 'counter' | 'household' | 'complaints') => stack.databases.get(s)!.url;
  const report = (token: string, unitCode?: string, month = MONTH) => stack.gql<Report>(REPORT, { month, unitCode }, token);
  const stationFigures = async () => {
    const r = await report(analyst, STATION);
    expect(r.errors).toBeUndefined();
    return r.data!.monthlyReport.figures as Record<string, number>;
  };
  const accept = (input: Record<string, unknown>) =>
    stack.gql<{ acceptApplication: { __typename: string; number: string; status: string; deadline: string } }>(ACCEPT, { input: { itemCode: ITEM, applicantIdNumber: APPLICANT, form: FORM, ...input } }, clerk);

  beforeAll(async () => {
    await stack.start();
    nc = await stack.natsConnect();
    [clerk, officer, supervisor, cityLead, analyst] = await Promise.all(
      ['demo-clerk', 'demo-household', 'demo-supervisor', 'demo-supervisor-city', 'demo-analyst'].map((u) => stack.login(u)),
    );
  }, 400_000);
  afterAll(async () => {
    await nc?.close();
    await stack.stop();
  }, 60_000);

  it('folds a notice, acceptances, an approval, an evaluation and a complaint into the station, district and city figures', async () => {
    const notice = await accept({ idempotencyKey: 'report-visit-1', presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER'] });
    expect(notice.data!.acceptApplication.__typename).toBe('OneTimeNotice');
    const first = await accept({ idempotencyKey: 'report-visit-2', presentedMaterials: MATERIALS, fromNoticeNumber: notice.data!.acceptApplication.number });
    expect(first.data!.acceptApplication.status).toBe('ACCEPTED');
    const number = first.data!.acceptApplication.number;
    for (const action of ['START_REVIEW', 'APPROVE', 'MARK_READY']) {
      const t = await stack.gql(TRANSITION, { input: { number, action } }, officer);
      expect(t.errors).toBeUndefined();
    }
    const open = await accept({ idempotencyKey: 'report-visit-3', presentedMaterials: MATERIALS });
    expect(open.data!.acceptApplication.status).toBe('ACCEPTED');
    // The open one is in this month's month-end backlog when the day after its deadline falls in this month (decision 0016).
    const overdueFrom = new Date(Date.parse(`${open.data!.acceptApplication.deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 7);
    const backlog = overdueFrom <= MONTH ? 1 : 0;

    // A window evaluation (当场评价) of the approved application.
    const p = await stack.gql<{ startRatingPairing: { code: string } }>('mutation { startRatingPairing(windowNo: "2") { code } }', {}, clerk);
    const d = await stack.gql<{ pairRatingDevice: { deviceToken: string } }>('mutation($c: String!) { pairRatingDevice(code: $c) { deviceToken } }', { c: p.data!.startRatingPairing.code });
    const deviceToken = d.data!.pairRatingDevice.deviceToken;
    const presented = await stack.gql('mutation($input: PresentVisitInput!) { presentVisitForRating(input: $input) { id } }', { input: { windowNo: '2', applicationNumber: number } }, clerk);
    expect(presented.errors).toBeUndefined();
    const screen = await stack.gql<{ ratingScreen: { visit: { id: string } } }>('query($t: String!) { ratingScreen(deviceToken: $t) { visit { id } } }', { t: deviceToken });
    const rated = await stack.gql('mutation($input: SubmitWindowRatingInput!) { submitWindowRating(input: $input) { level } }', {
      input: { deviceToken, visitId: screen.data!.ratingScreen.visit.id, rating: 'SATISFIED', reasons: [] },
    });
    expect(rated.errors).toBeUndefined();

    // A complaint about delay (办事拖延) against the station's household line.
    const complaint = await stack.gql('mutation($input: IntakeComplaintInput!) { intakeComplaint(input: $input) { number } }', {
      input: {
        channel: 'WINDOW', complainantName: '张伟', complainantIdNumber: APPLICANT, complainantPhone: '13800138000', content: '补领身份证等待时间过长',
        policeType: 'HOUSEHOLD', responsibleUnitCode: STATION, kind: 'DELAY', applicationNumber: number,
      },
    }, clerk);
    expect(complaint.errors).toBeUndefined();

    let last: Record<string, number> = {};
    const figures = await eventually(async () => {
      const f = (last = await stationFigures());
      return f.accepted === 2 && f.completed === 1 && f.noticesIssued === 1 && f.evaluationsSatisfied === 1 && f.complaintsDelay === 1 && f.smsSent >= 1 ? f : undefined;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}\n${stack.logs('counter')}`);
    });
    expect(figures).toMatchObject({
      accepted: 2, completed: 1, completedOnTime: 1, overdueBacklog: backlog, workingDaysSum: 0, noticesIssued: 1, noticesReturnedComplete: 1,
      toleratedAccepted: 0, toleratedSupplied: 0, transfersOpened: 0, smsFailed: 0, homeVisits: 0,
      evaluationsSatisfied: 1, evaluationsDissatisfied: 0, complaintsDelay: 1, complaintsAttitude: 0,
      onTimeRate: 1, averageWorkingDays: 0, noticeReturnRate: 1, transferOnTimeRate: null, smsFailureRate: 0, satisfactionRate: 1, evaluations: 1, complaints: 1,
    });

    // The district supervisor drills down: district → its stations → the station's items.
    const district = await report(supervisor);
    expect(district.errors).toBeUndefined();
    const dr = district.data!.monthlyReport;
    expect(dr).toMatchObject({ month: MONTH, unitCode: '510107', unitName: '成都市公安局武侯区分局', level: 'DISTRICT' });
    expect(dr.figures.accepted).toBe(2);
    expect(dr.children.map((c: any) => c.unitCode)).toEqual(['510107001', '510107002', '510107003']);
    expect(dr.children[0]).toMatchObject({ label: '浆洗街派出所', figures: { accepted: 2, completed: 1 }, previousMonth: { accepted: 0 } });
    expect(dr.byPoliceType.find((l: any) => l.key === 'HOUSEHOLD')).toMatchObject({ label: '户政', figures: { accepted: 2, noticesIssued: 1 } });
    expect(dr.items[0]).toMatchObject({ key: `HOUSEHOLD:${ITEM}`, policeType: 'HOUSEHOLD', itemCode: ITEM, figures: { noticesIssued: 1, accepted: 2 } });
    expect(dr.trend).toHaveLength(12);
    expect(dr.trend[11]).toMatchObject({ month: MONTH, figures: { accepted: 2 } });
    expect(dr.trend[0].month).toBe(monthPlus(-11));
    const station = (await report(supervisor, STATION)).data!.monthlyReport;
    expect(station.level).toBe('STATION');
    expect(station.children.map((c: any) => c.key)).toEqual(expect.arrayContaining([`HOUSEHOLD:${ITEM}`, 'HOUSEHOLD:-']));

    // The city: districts as children, the same totals.
    const city = (await report(cityLead)).data!.monthlyReport;
    expect(city).toMatchObject({ unitCode: '5101', level: 'CITY', figures: { accepted: 2, complaintsDelay: 1 } });
    expect(city.children.find((c: any) => c.unitCode === '510107')).toMatchObject({ label: '武侯区分局', figures: { accepted: 2 } });
    expect(city.children.find((c: any) => c.unitCode === '510104')).toMatchObject({ figures: { accepted: 0 } });
    incremental = city;
  }, 120_000);

  it('refuses other roles, other units, future and malformed months and unknown units with typed errors', async () => {
    expect(code(await report(clerk))).toBe('FORBIDDEN');
    expect(code(await report(supervisor, '510104'))).toBe('REPORT_OUT_OF_JURISDICTION');
    expect(code(await report(supervisor, '5101'))).toBe('REPORT_OUT_OF_JURISDICTION');
    expect(code(await report(analyst, undefined, monthPlus(1)))).toBe('REPORT_MONTH_IN_FUTURE');
    expect(code(await report(analyst, undefined, '2026-13'))).toBe('REPORT_MONTH_INVALID');
    expect(code(await report(analyst, undefined, '2026/09'))).toBe('REPORT_MONTH_INVALID');
    expect(code(await report(analyst, '51010'))).toBe('REPORT_UNIT_UNKNOWN');
    expect(code(await report(analyst, '510199'))).toBe('REPORT_UNIT_UNKNOWN');
    expect(code(await report(analyst, "5101' OR '1'='1"))).toBe('REPORT_UNIT_UNKNOWN');
    const earlier = await report(analyst, undefined, monthPlus(-12));
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data!.monthlyReport.figures.accepted).toBe(0);
  }, 60_000);

  it('re-published events (new message ids, older snapshot versions) move nothing', async () => {
    const republish = async (service: 'counter' | 'household' | 'complaints', where: string): Promise<string[]> => {
      const rows = await sql<{ id: string; subject: string; payload: unknown }>(db(service), `SELECT id, subject, payload FROM outbox WHERE ${where} ORDER BY created_at`);
      expect(rows.length).toBeGreaterThan(0);
      const ids: string[] = [];
      for (const row of rows) {
        const id = `replay-${row.id}`;
        await jetstream(nc).publish(`${stack.prefix}.${row.subject}`, JSON.stringify(row.payload), { msgID: id });
        ids.push(id);
      }
      return ids;
    };
    const ids = [
      ...(await republish('household', `subject = 'household.v1.application.changed'`)),
      ...(await republish('counter', `subject IN ('counter.v1.notice.issued', 'counter.v1.sms.delivered')`)),
      ...(await republish('complaints', `subject IN ('complaints.v1.evaluation.recorded', 'complaints.v1.complaint.changed')`)),
    ];
    await eventually(async () => {
      const [row] = await sql<{ n: number }>(db('counter'), `SELECT count(*)::int AS n FROM inbox WHERE consumer LIKE 'counter-report-%' AND message_id = ANY($1)`, [ids]);
      return row!.n === ids.length;
    }, 40_000);
    expect((await report(cityLead)).data!.monthlyReport).toEqual(incremental);
  }, 90_000);

  it('report:rebuild replaces the month from the event history; the rebuilt figures equal the incremental ones', async () => {
    // Damage the month's aggregates, as a bug or a manual edit would.
    await sql(db('counter'), `UPDATE report_figures SET accepted = accepted + 100, complaints_delay = 0 WHERE month = $1 AND accepted > 0`, [MONTH]);
    expect((await stationFigures()).accepted).toBe(102);

    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['apps/counter/dist/report/rebuild.cli.js', '--month', MONTH], {
      cwd: ROOT,
      env: { ...stack.env({ NATS_PASSWORD: stack.natsPasswords['counter'] ?? '' }), DATABASE_URL: db('counter') },
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { month: string; read: number; folded: number; rows: number };
    expect(result).toMatchObject({ month: MONTH });
    expect(result.folded).toBeGreaterThan(0);
    expect((await report(cityLead)).data!.monthlyReport).toEqual(incremental);

    // A malformed month is refused before anything is touched.
    await expect(run(process.execPath, ['apps/counter/dist/report/rebuild.cli.js', '--month', '2026-9'], { cwd: ROOT, env: { ...stack.env({ NATS_PASSWORD: stack.natsPasswords['counter'] ?? '' }), DATABASE_URL: db('counter') } }))
      .rejects.toMatchObject({ code: 2 });
  }, 90_000);
});
