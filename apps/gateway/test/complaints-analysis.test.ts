import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 9 through the gateway, one stack: the 15 / 60 / +30-day limits on holidays (Spring
 * Festival, a weekend) with the extension notice reaching the counter's SMS queue; the finding
 * and its deduction; the monthly analysis and its exports; the register's role rules. Date pinned
 * to Wednesday 2026-03-18.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const INTAKE = `mutation($input: IntakeComplaintInput!) { intakeComplaint(input: $input) { number acceptanceDeadline deadline deadlineState } }`;
const ANALYSIS = `query($month: String!, $level: ComplaintAnalysisUnitLevel, $unitPrefix: String) {
  complaintAnalysis(month: $month, level: $level, unitPrefix: $unitPrefix) {
    unitPrefix asOf
    total { total previousTotal change overdue repeatComplaints deductions deductionPoints byKind { kind count } byChannel { channel count } }
    groups { unitCode policeType total previousTotal overdue deductions }
    repeatComplainants { complainantPhone }
  } }`;

describe('complaint limits, findings, analysis and role rules through the gateway', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' } });
  let clerk: string;
  let officer: string;
  let supervisor: string;
  let analyst: string;
  let household: string;
  const person = DEMO_PERSON_IDS.adult;
  const base = {
    complainantName: '张伟', complainantPhone: '13800138001', content: '户口迁入超过承诺时限仍未办结', policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'DELAY',
  };
  let springFestival: string;
  let dueSoon: string;
  let lateLetter: string;
  let aboutClerk: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, officer, supervisor, analyst, household] = await Promise.all(
      ['demo-clerk', 'demo-complaints', 'demo-supervisor', 'demo-analyst', 'demo-household'].map((u) => stack.login(u)),
    );
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  const complaintsDb = () => stack.databases.get('complaints')!.url;

  it('15 days from a letter of 02-01 end on 02-16, in the Spring Festival holiday → 02-24; 60 days from 03-18 end on Sunday 05-17 → 05-18; +30 → 06-16, the complainant texted', async () => {
    const letter = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: { ...base, channel: 'LETTER', receivedOn: '2026-02-01', officerUsername: 'demo-household', officerName: '李户政' } }, officer);
    expect(letter.errors).toBeUndefined();
    springFestival = letter.data!.intakeComplaint.number!;
    expect(letter.data!.intakeComplaint).toMatchObject({ acceptanceDeadline: '2026-02-24', deadline: '2026-02-24', deadlineState: 'OVERDUE' });

    const visit = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: { ...base, channel: 'VISIT', receivedOn: '2026-03-04', complainantPhone: '13800138002', complainantIdNumber: person } }, officer);
    dueSoon = visit.data!.intakeComplaint.number!;
    expect(visit.data!.intakeComplaint).toMatchObject({ acceptanceDeadline: '2026-03-19', deadlineState: 'DUE_SOON' }); // 03-04 + 15 = Thursday 03-19

    const late = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: { ...base, channel: 'LETTER', receivedOn: '2026-02-25', complainantPhone: '13800138003' } }, officer);
    lateLetter = late.data!.intakeComplaint.number!;
    expect(late.data!.intakeComplaint).toMatchObject({ acceptanceDeadline: '2026-03-12', deadlineState: 'OVERDUE' });

    const accepted = await stack.gql<{ acceptComplaint: Record<string, string> }>(`mutation { acceptComplaint(input: { number: "${springFestival}", accept: true }) { acceptedOn decidedOn answerDeadline deadlineState } }`, {}, officer);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptComplaint).toEqual({ acceptedOn: '2026-03-18', decidedOn: '2026-03-18', answerDeadline: '2026-05-18', deadlineState: 'ON_TIME' });

    expect((await stack.gql(`mutation { requestComplaintExtension(input: { number: "${springFestival}", reason: "需调取户籍档案核实" }) { extensionPending } }`, {}, officer)).errors).toBeUndefined();
    expect(code(await stack.gql(`mutation { approveComplaintExtension(input: { number: "${springFestival}", notice: "延期告知" }) { extended } }`, {}, analyst))).toBe('FORBIDDEN');
    const approved = await stack.gql<{ approveComplaintExtension: Record<string, unknown> }>(
      `mutation { approveComplaintExtension(input: { number: "${springFestival}", notice: "因需调取档案，办结期限延长至 2026-06-16" }) { extended answerDeadline deadline } }`, {}, supervisor);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveComplaintExtension).toEqual({ extended: true, answerDeadline: '2026-06-16', deadline: '2026-06-16' });

    // The notice goes the one notification path: complaints → outbox → JetStream → the counter's SMS queue.
    const [sms] = await eventually(async () => {
      const found = await sql<{ phone: string; text: string }>(stack.databases.get('counter')!.url, `SELECT phone, text FROM sms_message WHERE template = 'COMPLAINT_EXTENDED'`);
      return found.length ? found : null;
    });
    expect(sms).toEqual({ phone: '13800138001', text: `【成都市公安局】您的信访事项${springFestival}经批准延期办理，办结期限延至2026年6月16日，请留意答复。` });

    const workbench = await stack.gql<{ complaints: { number: string; deadline: string; deadlineState: string }[] }>('query { complaints(limit: 10) { number deadline deadlineState } }', {}, officer);
    expect(workbench.data!.complaints).toEqual([
      { number: lateLetter, deadline: '2026-03-12', deadlineState: 'OVERDUE' },
      { number: dueSoon, deadline: '2026-03-19', deadlineState: 'DUE_SOON' },
      { number: springFestival, deadline: '2026-06-16', deadlineState: 'ON_TIME' },
    ]);
  });

  it('the finding at the answer deducts from the unit and the named officer; supervisors and the analyst see it, only the supervisor may reverse it', async () => {
    const bad = await stack.gql(`mutation { answerComplaint(input: { number: "${springFestival}", text: "经核实", answerChannel: WRITTEN, finding: NOT_APPLICABLE }) { status } }`, {}, officer);
    expect(code(bad)).toBe('COMPLAINT_FINDING_INVALID');
    const answered = await stack.gql<{ answerComplaint: Record<string, unknown> }>(
      `mutation { answerComplaint(input: { number: "${springFestival}", text: "经核实属实，已督促办结并致歉", answerChannel: WRITTEN, finding: SUBSTANTIATED }) { status finding responsibleOfficerUsername } }`, {}, officer);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.answerComplaint).toEqual({ status: 'ANSWERED', finding: 'SUBSTANTIATED', responsibleOfficerUsername: 'demo-household' });

    const STANDINGS = 'query { complaintDeductionStandings(year: 2026) { officers { officerUsername deductions points consequence } units { unitCode deductions points } } }';
    const standings = await stack.gql<{ complaintDeductionStandings: Record<string, unknown> }>(STANDINGS, {}, supervisor);
    expect(standings.errors).toBeUndefined();
    expect(standings.data!.complaintDeductionStandings).toEqual({
      officers: [{ officerUsername: 'demo-household', deductions: 1, points: 2, consequence: 'NONE' }],
      units: [{ unitCode: '510107001', deductions: 1, points: 2 }],
    });
    const list = await stack.gql<{ complaintDeductions: { id: string; complaintNumber: string }[] }>('query { complaintDeductions(year: 2026) { id complaintNumber } }', {}, analyst);
    expect(list.data!.complaintDeductions.map((d) => d.complaintNumber)).toEqual([springFestival]);
    const id = list.data!.complaintDeductions[0]!.id;
    expect(code(await stack.gql(`mutation { reverseComplaintDeduction(input: { deductionId: "${id}", reason: "误判" }) { reversed } }`, {}, analyst))).toBe('FORBIDDEN');
    expect(code(await stack.gql('query { complaintDeductions(year: 2026) { id } }', {}, clerk))).toBe('FORBIDDEN');
  });

  it('the monthly analysis: the supervisor sees the jurisdiction, the analyst the bureau; exports as Base64 files', async () => {
    const aboutTheClerk = await stack.gql<{ intakeComplaint: { number: string } }>(INTAKE, {
      input: { ...base, channel: 'VISIT', kind: 'ATTITUDE', complainantPhone: '13800138004', complainantIdNumber: person, officerUsername: 'demo-clerk', officerName: '王窗口', content: '窗口民警态度生硬' },
    }, officer);
    aboutClerk = aboutTheClerk.data!.intakeComplaint.number;

    // March, new matters: dueSoon (DELAY, VISIT), aboutClerk (ATTITUDE, VISIT); February: the two letters.
    // Overdue in March: lateLetter (acceptance due 03-12, undecided). Deductions in March: one, 2 points.
    const r = await stack.gql<{ complaintAnalysis: Record<string, any> }>(ANALYSIS, { month: '2026-03' }, supervisor);
    expect(r.errors).toBeUndefined();
    const a = r.data!.complaintAnalysis;
    expect(a).toMatchObject({ unitPrefix: '510107', asOf: '2026-03-18', repeatComplainants: [] });
    expect(a.total).toMatchObject({ total: 2, previousTotal: 2, change: 0, overdue: 1, repeatComplaints: 0, deductions: 1, deductionPoints: 2 });
    expect(a.total.byKind.filter((k: { count: number }) => k.count)).toEqual([{ kind: 'ATTITUDE', count: 1 }, { kind: 'DELAY', count: 1 }]);
    expect(a.total.byChannel.filter((k: { count: number }) => k.count)).toEqual([{ channel: 'VISIT', count: 2 }]);
    expect(a.groups).toEqual([{ unitCode: '510107001', policeType: 'HOUSEHOLD', total: 2, previousTotal: 2, overdue: 1, deductions: 1 }]);

    const forAnalyst = await stack.gql<{ complaintAnalysis: Record<string, any> }>(ANALYSIS, { month: '2026-03', level: 'CITY' }, analyst);
    expect(forAnalyst.data!.complaintAnalysis.groups).toEqual([{ unitCode: '5101', policeType: 'HOUSEHOLD', total: 2, previousTotal: 2, overdue: 1, deductions: 1 }]);
    expect(code(await stack.gql(ANALYSIS, { month: '2026-03' }, household))).toBe('FORBIDDEN');
    expect(code(await stack.gql(ANALYSIS, { month: '2026-03' }, clerk))).toBe('FORBIDDEN');
    expect(code(await stack.gql(ANALYSIS, { month: '2026-03', unitPrefix: '510104' }, supervisor))).toBe('OUT_OF_JURISDICTION');
    expect(code(await stack.gql(ANALYSIS, { month: '2026-3' }, supervisor))).toBe('VALIDATION_FAILED');

    const EXPORT = 'query($format: ComplaintAnalysisExportFormat!) { complaintAnalysisExport(month: "2026-03", format: $format) { fileName mimeType contentBase64 } }';
    const csv = await stack.gql<{ complaintAnalysisExport: Record<string, string> }>(EXPORT, { format: 'CSV' }, supervisor);
    expect(csv.errors).toBeUndefined();
    expect(csv.data!.complaintAnalysisExport).toMatchObject({ fileName: '信访投诉月度分析-2026-03-510107.csv', mimeType: 'text/csv; charset=utf-8' });
    const bytes = Buffer.from(csv.data!.complaintAnalysisExport.contentBase64!, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[lines.length - 1]!.split(',').slice(0, 6)).toEqual(['2026-03', '全部警种', '合计', '510107', '2', '2']);
    const xlsx = await stack.gql<{ complaintAnalysisExport: Record<string, string> }>(EXPORT, { format: 'XLSX' }, analyst);
    expect(xlsx.data!.complaintAnalysisExport.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(xlsx.data!.complaintAnalysisExport.contentBase64!, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(await sql(complaintsDb(), `SELECT actor_username, details->>'format' AS format FROM audit_log WHERE action = 'COMPLAINT_ANALYSIS_EXPORT' ORDER BY id`)).toEqual([
      { actor_username: 'demo-supervisor', format: 'CSV' }, { actor_username: 'demo-analyst', format: 'XLSX' },
    ]);
  });

  it('a clerk never sees a complaint about themself: not by number, not in the 360° view, cannot act on it; the analyst changes nothing; refused reads audited', async () => {
    const byNumber = await stack.gql(`query { complaint(number: "${aboutClerk}", purpose: "窗口答复群众询问") { number } }`, {}, clerk);
    expect(code(byNumber)).toBe('COMPLAINT_NOT_FOUND');
    expect(code(await stack.gql(`mutation { reopenComplaint(input: { number: "${aboutClerk}", reason: "投诉人不满意" }) { status } }`, {}, clerk))).toBe('COMPLAINT_NOT_FOUND');
    const citizen = await stack.gql<{ citizen: { complaints: { complaints: { number: string }[] } } }>(
      `query($id: String!) { citizen(idNumber: $id, purpose: "窗口核验") { complaints { complaints { number } } } }`, { id: person }, clerk);
    expect(citizen.errors).toBeUndefined();
    expect(citizen.data!.citizen.complaints.complaints.map((c) => c.number)).toEqual([dueSoon]);
    const forOfficer = await stack.gql<{ citizen: { complaints: { complaints: { number: string }[] } } }>(
      `query($id: String!) { citizen(idNumber: $id, purpose: "信访核查") { complaints { complaints { number } } } }`, { id: person }, officer);
    expect(forOfficer.data!.citizen.complaints.complaints.map((c) => c.number).sort()).toEqual([dueSoon, aboutClerk].sort());
    // The supervisor of the unit reads it in full.
    const forSupervisor = await stack.gql<{ complaint: Record<string, string> }>(`query { complaint(number: "${aboutClerk}", purpose: "督察核查") { complainantPhone } }`, {}, supervisor);
    expect(forSupervisor.data!.complaint).toEqual({ complainantPhone: '13800138004' });

    expect(code(await stack.gql(INTAKE, { input: { ...base, channel: 'LETTER' } }, analyst))).toBe('FORBIDDEN');
    expect(code(await stack.gql(`mutation { acceptComplaint(input: { number: "${aboutClerk}", accept: true }) { status } }`, {}, analyst))).toBe('FORBIDDEN');
    expect(code(await stack.gql(`mutation { closeComplaint(input: { number: "${springFestival}", finding: SUBSTANTIATED }) { status } }`, {}, analyst))).toBe('FORBIDDEN');
    expect(await sql(complaintsDb(), `SELECT status FROM complaint WHERE number = $1`, [aboutClerk])).toEqual([{ status: 'RECEIVED' }]);

    expect(await sql(complaintsDb(), `SELECT actor_username, subject_ref, outcome, details->>'code' AS code FROM audit_log WHERE action = 'COMPLAINT_READ' AND outcome = 'DENIED'`)).toEqual([
      { actor_username: 'demo-clerk', subject_ref: aboutClerk, outcome: 'DENIED', code: 'COMPLAINT_NOT_FOUND' },
    ]);
  });
});
