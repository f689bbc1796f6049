import { DEMO_PERSON_IDS } from '@onewindow/population';
import { sql, TestStack } from '@onewindow/testing';

/**
 * Issue 9, first slice, through the gateway: a complaint taken at the window, worked by the
 * complaints officer, on the workbench and in the citizen 360° view — validation in Chinese,
 * masking by role, the detail read audited. Real processes, PostgreSQL and NATS; date pinned.
 */
const INTAKE = `mutation($input: IntakeComplaintInput!) { intakeComplaint(input: $input) {
  number status channel complainantName complainantPhone acceptanceDeadline deadline deadlineState repeatOf } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

describe('complaints (信访投诉) through the gateway', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-09-16', DEADLINE_JOB_INTERVAL_MS: '0' } });
  let clerk: string;
  let officer: string;
  let analyst: string;
  let clerkJinjiang: string;
  const person = DEMO_PERSON_IDS.adult;
  const input = {
    channel: 'WINDOW', complainantName: '张伟', complainantIdNumber: person, complainantPhone: '13800138000', content: '户口迁入超过承诺时限仍未办结',
    policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'DELAY', applicationNumber: 'HH20260910000001',
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, officer, analyst, clerkJinjiang] = await Promise.all(['demo-clerk', 'demo-complaints', 'demo-analyst', 'demo-clerk-jinjiang'].map((u) => stack.login(u)));
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  it('intake at the window: validated in Chinese, deadline past National Day, masked for the clerk; worked and listed by the complaints officer; in the 360° view', async () => {
    const bad = await stack.gql(INTAKE, { input: { ...input, applicationNumber: 'HH-123', complainantPhone: '12345' } }, clerk);
    expect(code(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.message).toMatch(/受理编号格式不正确|联系电话应为/);
    expect(code(await stack.gql(INTAKE, { input: { ...input, channel: 'LETTER' } }, clerk))).toBe('COMPLAINT_CHANNEL_NOT_ALLOWED');

    const r = await stack.gql<{ intakeComplaint: Record<string, unknown> }>(INTAKE, { input }, clerk);
    expect(r.errors).toBeUndefined();
    expect(r.data!.intakeComplaint).toMatchObject({
      number: 'XF20260916000001', status: 'RECEIVED', channel: 'WINDOW', complainantName: '张*', complainantPhone: '138****8000',
      acceptanceDeadline: '2026-10-08', deadline: '2026-10-08', deadlineState: 'ON_TIME', repeatOf: null,
    });

    const detail = await stack.gql<{ complaint: Record<string, any> }>(
      'query { complaint(number: "XF20260916000001", purpose: "办理信访事项") { complainantPhone complainantIdNumber timeline { action actorName } } }', {}, officer);
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.complaint).toEqual({ complainantPhone: '13800138000', complainantIdNumber: person, timeline: [{ action: 'INTAKE', actorName: '王窗口' }] });
    const [audit] = await sql<{ actor_username: string; purpose: string }>(stack.databases.get('complaints')!.url, `SELECT actor_username, purpose FROM audit_log WHERE action = 'COMPLAINT_READ'`);
    expect(audit).toEqual({ actor_username: 'demo-complaints', purpose: '办理信访事项' });

    const accepted = await stack.gql<{ acceptComplaint: Record<string, unknown> }>(
      'mutation { acceptComplaint(input: { number: "XF20260916000001", accept: true }) { status acceptedOn answerDeadline } }', {}, officer);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptComplaint).toEqual({ status: 'ACCEPTED', acceptedOn: '2026-09-16', answerDeadline: '2026-11-16' });
    expect(code(await stack.gql('mutation { acceptComplaint(input: { number: "XF20260916000001", accept: true }) { status } }', {}, analyst))).toBe('FORBIDDEN');

    const workbench = await stack.gql<{ complaints: Record<string, unknown>[] }>('query { complaints(limit: 10) { number complainantPhone deadline deadlineState } }', {}, analyst);
    expect(workbench.errors).toBeUndefined();
    expect(workbench.data!.complaints).toEqual([{ number: 'XF20260916000001', complainantPhone: '138****8000', deadline: '2026-11-16', deadlineState: 'ON_TIME' }]);
    expect(code(await stack.gql('query { complaints { number } }', {}, clerk))).toBe('FORBIDDEN');

    const citizen = await stack.gql<{ citizen: { complaints: Record<string, any> } }>(
      `query($id: String!) { citizen(idNumber: $id, purpose: "窗口核验") { complaints { complaints { number complaintStatus kind complainantPhone } evaluations { level } } } }`, { id: person }, clerkJinjiang);
    expect(citizen.errors).toBeUndefined();
    expect(citizen.data!.citizen.complaints).toEqual({ complaints: [{ number: 'XF20260916000001', complaintStatus: 'ACCEPTED', kind: 'DELAY', complainantPhone: '138****8000' }], evaluations: [] });
  });
});
