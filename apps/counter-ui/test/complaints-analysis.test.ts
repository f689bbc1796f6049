import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

/**
 * 核查结论, 信访分析 and 信访扣分 in Chromium against the real stack on Wednesday 2026-03-18:
 * the complaints officer answers a complaint with the finding 属实 (the named officer's third
 * deduction this year → 下发《提示单》); the supervisor reads the month's analysis with its chart
 * and downloads the Excel and CSV files, then reverses a deduction (→ 取消评优); the analyst reads
 * all without a reversal button; a clerk is refused both screens. Fixture seeded through the API.
 */
describe('counter UI: complaint findings, analysis and deductions, in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  const numbers: Record<string, string> = {};
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    await seed();
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  /*
   * | ref | channel | received | unit      | type | kind         | named officer  | phone       | then                         |
   * | C1  | LETTER  | 02-20    | 510107001 | HH   | DELAY        | demo-household | 13800138011 | accepted 03-18 (late), 属实 |
   * | C2  | VISIT   | 03-02    | 510107001 | HH   | ATTITUDE     | demo-household | 13800138012 | accepted; answered in the UI |
   * | C3  | 96166   | 03-05    | 510107001 | TR   | ATTITUDE     | demo-traffic   | 13800138013 | accepted, 不属实             |
   * | C4  | 960111  | 03-06    | 510107001 | EE   | CONSULTATION |                | 13800138014 |                              |
   * | C5  | WINDOW  | 03-10    | 510107001 | HH   | DELAY        | demo-household | 13800138015 | accepted, 部分属实           |
   * | C6  | LETTER  | 03-12    | 510107001 | HH   | DELAY        |                | 13800138011 | repeats C1                   |
   * | C7  | WINDOW  | 03-16    | 510107003 | HH   | UNFAMILIAR   |                | 13800138016 | at a clerk's window          |
   * | C8  | WINDOW  | 03-17    | 510107002 | TR   | ATTITUDE     |                | 13800138017 | at a clerk's window          |
   * March (武侯): 6 new matters (HH 3, EE 1, TR 2), 1 repeat, February 1; overdue 1 (C1: decision due 03-09, made 03-18).
   * The complaints officer works station 510107001; the other stations' complaints come from a clerk's window (city-wide).
   */
  async function seed() {
    const officer = await stack.login('demo-complaints');
    const clerk = await stack.login('demo-clerk');
    const gql = async (query: string, variables: Record<string, unknown> = {}, token = officer) => {
      const r = await stack.gql<Record<string, { number: string }>>(query, variables, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    const intake = async (ref: string, input: Record<string, unknown>, token = officer) => {
      const d = await gql('mutation($input: IntakeComplaintInput!) { intakeComplaint(input: $input) { number } }', {
        input: { complainantName: '张伟', content: '窗口办理户口迁入时态度生硬、推诿', policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', ...input },
      }, token);
      numbers[ref] = d.intakeComplaint!.number;
    };
    await intake('C1', { channel: 'LETTER', receivedOn: '2026-02-20', kind: 'DELAY', officerUsername: 'demo-household', officerName: '李户政', complainantPhone: '13800138011' });
    await intake('C2', { channel: 'VISIT', receivedOn: '2026-03-02', kind: 'ATTITUDE', officerUsername: 'demo-household', officerName: '李户政', complainantPhone: '13800138012' });
    await intake('C3', { channel: 'HOTLINE_96166', receivedOn: '2026-03-05', kind: 'ATTITUDE', policeType: 'TRAFFIC', officerUsername: 'demo-traffic', officerName: '赵交管', complainantPhone: '13800138013' });
    await intake('C4', { channel: 'HOTLINE_960111', receivedOn: '2026-03-06', kind: 'CONSULTATION', policeType: 'EXIT_ENTRY', complainantPhone: '13800138014', content: '咨询港澳通行证续签所需材料' });
    await intake('C5', { channel: 'WINDOW', receivedOn: '2026-03-10', kind: 'DELAY', officerUsername: 'demo-household', officerName: '李户政', complainantPhone: '13800138015' });
    await intake('C6', { channel: 'LETTER', receivedOn: '2026-03-12', kind: 'DELAY', complainantPhone: '13800138011', content: '再次来信反映户口迁入拖延' });
    await intake('C7', { channel: 'WINDOW', receivedOn: '2026-03-16', kind: 'UNFAMILIAR', responsibleUnitCode: '510107003', complainantPhone: '13800138016' }, clerk);
    await intake('C8', { channel: 'WINDOW', receivedOn: '2026-03-17', kind: 'ATTITUDE', policeType: 'TRAFFIC', responsibleUnitCode: '510107002', complainantPhone: '13800138017', content: '交管窗口民警态度生硬' }, clerk);
    for (const ref of ['C1', 'C2', 'C3', 'C5']) await gql(`mutation { acceptComplaint(input: { number: "${numbers[ref]}", accept: true }) { number } }`);
    const answer = (ref: string, finding: string) => gql(`mutation { answerComplaint(input: { number: "${numbers[ref]}", text: "经核查答复", answerChannel: WRITTEN, finding: ${finding} }) { number } }`);
    await answer('C1', 'SUBSTANTIATED');
    await answer('C3', 'NOT_SUBSTANTIATED');
    await answer('C5', 'PARTLY_SUBSTANTIATED');
  }

  it('信访工作台: the complaints officer answers with the finding 属实, the officer named at intake confirmed', async () => {
    await login('demo-complaints');
    await page.goto(`${base}/complaints`);
    const row = page.locator(`tr[data-complaint="${numbers.C2}"]`);
    await row.waitFor();
    await row.click();
    await page.getByTestId('complaint-open').click();
    await settled(page, page.getByTestId('complaint-detail'));
    await page.getByTestId('complaint-action-answer').click();
    await page.getByTestId('complaint-action-text').fill('经调取窗口监控核实，民警接待时态度生硬属实，已批评教育并向您致歉。');
    await page.locator('.ant-select:has(#finding) .ant-select-selector').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    expect(await options.allInnerTexts()).toEqual(['属实', '部分属实', '不属实']); // 不涉及 only for consultations, suggestions, praise
    await options.filter({ hasText: /^属实$/ }).click();
    await page.getByTestId('complaint-action-officer-username').waitFor();
    await shot('complaint-answer-finding');
    await page.getByTestId('complaint-action-ok').click();
    await settled(page, page.locator('[data-testid="complaint-detail"] [data-testid="complaint-finding"][data-finding="SUBSTANTIATED"]'), { dialogAlertsOnly: true });
    expect(await page.getByTestId('complaint-detail').innerText()).toContain('责任民警：李户政（demo-household）');
  });

  it('信访分析: the supervisor reads March against February with the chart, and downloads Excel and CSV', async () => {
    await login('demo-supervisor');
    await page.goto(`${base}/complaint-analysis`);
    await page.getByTestId('analysis-month').fill('2026-03');
    await page.getByTestId('analysis-run').click();
    await settled(page, page.locator('[data-testid="analysis-result"][data-month="2026-03"]'));
    await page.locator('[data-testid="analysis-chart"] svg').first().waitFor();
    const result = page.getByTestId('analysis-result');
    expect(await result.innerText()).toMatch(/2026-03 新发件数\s*6/);
    const types = await page.getByTestId('analysis-by-police-type').locator('tbody tr').allInnerTexts();
    expect(types.map((t) => t.split('\t').slice(0, 3))).toEqual([['户政', '3', '1'], ['出入境', '1', '0'], ['交管', '2', '0'], ['合计', '6', '1']]);
    expect(await page.getByTestId('analysis-repeat-complainants').innerText()).toContain('13800138011'); // supervisors see repeat complainants in full (audited)
    await shot('complaint-analysis');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analysis-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('信访投诉月度分析-2026-03-510107.xlsx');
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analysis-export-csv').click()]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines.at(-1)!.split(',').slice(0, 6)).toEqual(['2026-03', '全部警种', '合计', '510107', '6', '1']);
    expect(bytes.toString('utf8')).not.toContain('13800138011'); // exports are masked
  });

  it('信访扣分: three deductions of 李户政 → 下发《提示单》; the supervisor reverses one with a reason → 取消评优', async () => {
    await page.goto(`${base}/complaint-deductions`);
    const officers = page.getByTestId('deductions-officers');
    await officers.locator('[data-consequence="WARNING_NOTICE"]').waitFor();
    expect((await officers.locator('tbody tr').first().innerText()).split('\t').slice(2)).toEqual(['3', '6', '下发《提示单》']);
    await shot('complaint-deductions');

    const row = page.getByTestId('deductions-list').locator('tbody tr', { hasText: numbers.C5! });
    await row.getByTestId('deduction-reverse').click();
    await page.getByTestId('deduction-reverse-reason').fill('复查认定系窗口排队系统故障所致，民警无责任');
    await page.getByTestId('deduction-reverse-ok').click();
    await settled(page, row.getByTestId('deduction-reversed'), { dialogAlertsOnly: true });
    await officers.locator('[data-consequence="NO_AWARDS"]').waitFor();
    expect((await officers.locator('tbody tr').first().innerText()).split('\t').slice(2)).toEqual(['2', '4', '取消立功授奖和评优资格']);
  });

  it('the analyst reads both screens without a reversal button; a clerk is refused them', async () => {
    await login('demo-analyst');
    await page.goto(`${base}/complaint-deductions`);
    await page.getByTestId('deductions-list').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('deduction-reverse').count()).toBe(0);
    await page.goto(`${base}/complaint-analysis`);
    await page.getByTestId('analysis-month').fill('2026-03');
    await page.getByTestId('analysis-run').click();
    await settled(page, page.getByTestId('analysis-result'));
    expect(await page.getByTestId('analysis-repeat-complainants').innerText()).toContain('138****8011'); // masked for the analyst

    await login('demo-clerk');
    for (const path of ['/complaint-analysis', '/complaint-deductions']) {
      await page.goto(`${base}${path}`);
      await page.getByTestId('forbidden').waitFor();
    }
    expect(counter.pageErrors).toEqual([]);
  });
});
