import { WorkingCalendar } from '@onewindow/calendar';
import { EventSubjects, Role, ServiceName, streamOf, type ComplaintDeductionChangedEvent, type Identity } from '@onewindow/contracts';
import { AuditService, buildDataSourceOptions, createLogger, NatsService, OutboxRelay, OutboxService, type BusinessClock } from '@onewindow/platform';
import { createTestDatabase, deleteStreams, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AnalysisRepository } from '../src/analysis/analysis.repository.js';
import { AnalysisService } from '../src/analysis/analysis.service.js';
import type { AnalysisFigures } from '../src/analysis/analysis.rules.js';
import { ComplaintEntity } from '../src/complaint/complaint.entity.js';
import { ComplaintRepository } from '../src/complaint/complaint.repository.js';
import { ComplaintService, type ComplaintIntake } from '../src/complaint/complaint.service.js';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from '../src/complaints.schema.js';
import { ComplaintDeductionEntity } from '../src/deduction/deduction.entity.js';
import { DeductionRepository } from '../src/deduction/deduction.repository.js';
import { DeductionService } from '../src/deduction/deduction.service.js';
import { RoutingRepository } from '../src/routing/routing.repository.js';
import { RoutingService } from '../src/routing/routing.service.js';

/**
 * The monthly complaint analysis (信访投诉月度分析) against a hand-computed fixture, its exports
 * parsed back, and the findings → deductions → consequences loop; real PostgreSQL and JetStream.
 */
describe('complaint analysis and deductions on PostgreSQL and NATS', () => {
  const logger = createLogger('complaints-analysis-test', 'silent');
  const prefix = randomName('t');
  const xf: Identity = { sub: 'u-xf', username: 'demo-xf', displayName: '赵信访', roles: [Role.OFFICER], policeType: 'COMPLAINTS' as Identity['policeType'], unitCode: '510107', unitName: '武侯区分局' };
  const household: Identity = { ...xf, sub: 'u-hh', username: 'demo-hh', policeType: 'HOUSEHOLD' as Identity['policeType'] };
  const supervisor: Identity = { sub: 'u-sup', username: 'demo-sup', displayName: '孙督察', roles: [Role.SUPERVISOR], unitCode: '510107', unitName: '武侯区分局' };
  const supervisorJinjiang: Identity = { ...supervisor, sub: 'u-sup-jj', username: 'demo-sup-jj', unitCode: '510104', unitName: '锦江区分局' };
  const analyst: Identity = { sub: 'u-an', username: 'demo-analyst', displayName: '周分析', roles: [Role.ANALYST], unitCode: '5101', unitName: '成都市公安局' };
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  let today = '2026-04-10';
  const clock = { today: () => today, now: () => new Date(`${today}T02:00:00Z`) } as unknown as BusinessClock;

  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  let relay: OutboxRelay;
  let analysis: AnalysisService;
  let deductions: DeductionService;
  let complaints: ComplaintService;

  beforeAll(async () => {
    db = await createTestDatabase('complaints_analysis');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: COMPLAINTS_ENTITIES, migrations: COMPLAINTS_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'complaints-analysis-test' }, logger);
    await nats.connect();
    await nats.ensureStream(streamOf(ServiceName.COMPLAINTS));
    const outbox = new OutboxService();
    relay = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 100 });
    const audit = new AuditService(ds);
    deductions = new DeductionService(ds, new DeductionRepository(), audit, outbox, clock, { unitPoints: 3, officerPoints: 2 });
    complaints = new ComplaintService(ds, new ComplaintRepository(), audit, outbox, WorkingCalendar.default(), clock, deductions, new RoutingService(ds, new RoutingRepository(), audit));
    analysis = new AnalysisService(ds, new AnalysisRepository(), audit, clock);
    await insertFixture();
  }, 60_000);

  afterAll(async () => {
    await nats?.onApplicationShutdown();
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
    await deleteStreams(prefix);
  }, 60_000);

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;

  /*
   * The fixture, March 2026 against February, as of 2026-04-10. Units: 510107001 浆洗街 and
   * 510107002 望江路 (武侯区分局 510107), 510104002 春熙路 (锦江区分局, outside 武侯's scope).
   * acc = acceptance deadline, dec = decided on, ans = answer deadline, done = answered on.
   *
   * | no. | unit      | type | kind         | channel | received | repeat of | phone | acc   | dec   | ans   | done  | finding |
   * | P1  | 510107001 | HH   | ATTITUDE     | WINDOW  | 02-10    |           | A     | 02-25 | 02-11 |       |       |         |
   * | P2  | 510107001 | HH   | DELAY        | LETTER  | 02-20    |           | B     | 03-09 | 03-10*|       |       |         |  * late: overdue in March
   * | P3  | 510107002 | TR   | ATTITUDE     | 96166   | 02-25    |           | C     | 03-12 | 03-02 |       |       |         |
   * | P4  | 510104002 | HH   | DELAY        | ONLINE  | 02-12    |           | D     | 02-27 | 02-13 |       |       |         |
   * | O1  | 510107001 | HH   | UNFAMILIAR   | VISIT   | 01-05    |           | I     | 01-20 | 01-06 | 03-09 | 03-12*| PARTLY  |  * late: overdue in March
   * | M1  | 510107001 | HH   | ATTITUDE     | WINDOW  | 03-02    |           | E     | 03-17 | 03-05 | 05-04 | 03-20 | SUBST.  |
   * | M2  | 510107001 | HH   | DELAY        | WINDOW  | 03-03    |           | F     | 03-18 | 03-20*| 05-19 |       |         |  * late: overdue
   * | M3  | 510107001 | HH   | DELAY        | LETTER  | 03-10    | P2        | B     | 03-25 | 03-12 |       |       |         |  repeat
   * | M4  | 510107001 | EE   | CONSULTATION | 960111  | 03-15    |           | G     | 03-30 | 03-16 | 05-15 | 03-18 | N/A     |
   * | M5  | 510107002 | TR   | ATTITUDE     | 96166   | 03-05    |           | H     | 03-20 | 03-06 | 05-05 | 03-25 | NOT     |
   * | M6  | 510107002 | TR   | MISCONDUCT   | VISIT   | 03-20    |           | C     | 04-07 |       |       |       |         |  deadline in April: not counted
   * | M7  | 510107002 | TR   | ATTITUDE     | 96166   | 03-22    | P3        | C     | 04-07 | 03-23 |       |       |         |  repeat
   * | M8  | 510104002 | HH   | DELAY        | ONLINE  | 03-08    |           | D     | 03-23 | 03-09 |       |       |         |
   *
   * Deductions made in March: D1 (M1, 510107001 HH, 3 unit points), D2 (O1, 510107001 HH, 3),
   * D3 (M5, 510107002 TR, reversed on 03-28: not counted).
   *
   * 武侯 (supervisor), by station:
   * | group          | total | prev | change | kinds                     | channels                  | rep | rep. persons | overdue    | subst/inv | ded (pts) |
   * | 510107001 HH   | 2     | 2    | 0      | ATTITUDE 1, DELAY 1       | WINDOW 2                  | 1   | 1 (B)        | 3 P2 M2 O1 | 1/1       | 2 (6)     |
   * | 510107001 EE   | 1     | 0    | +1     | CONSULTATION 1            | 960111 1                  | 0   | 0            | 0          | 0/0       | 0         |
   * | 510107002 TR   | 2     | 1    | +1     | ATTITUDE 1, MISCONDUCT 1  | 96166 1, VISIT 1          | 1   | 1 (C)        | 0          | 0/1       | 0         |
   * | total 510107   | 5     | 3    | +2     | ATT 2, DEL 1, MIS 1, CON 1| WIN 2, 96166 1, 960111 1, VISIT 1 | 2 | 2       | 3          | 1/2 = 50% | 2 (6)     |
   */
  const PHONES = { A: '13800000001', B: '13800000002', C: '13800000003', D: '13800000004', E: '13800000005', F: '13800000006', G: '13800000007', H: '13800000008', I: '13800000009' };
  type Row = Partial<ComplaintEntity> & Pick<ComplaintEntity, 'number' | 'unitCode' | 'policeType' | 'kind' | 'channel' | 'receivedOn' | 'complainantPhone' | 'acceptanceDeadline'>;
  const N: Record<string, string> = {};
  async function insertFixture() {
    const repo = ds.getRepository(ComplaintEntity);
    const base = {
      complainantName: '张三', complainantIdNumber: null, content: '测试投诉内容', officerUsername: null, officerName: null, applicationNumber: null, status: 'RECEIVED' as const,
      repeatOf: null, receivedUnitCode: '510107', receivedBy: 'demo-xf', acceptedOn: null, answerDeadline: null, deadline: null, deadlineState: 'DONE' as const,
      notAcceptedReason: null, extensionReason: null, extensionPending: false, extended: false, answerText: null, answerChannel: null, answeredOn: null, closedOn: null,
      decidedOn: null, finding: null, responsibleOfficerUsername: null, responsibleOfficerName: null,
    };
    const f: [string, Row][] = [
      ['P1', { number: 'XF20260210000001', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'ATTITUDE', channel: 'WINDOW', receivedOn: '2026-02-10', complainantPhone: PHONES.A, acceptanceDeadline: '2026-02-25', decidedOn: '2026-02-11' }],
      ['P2', { number: 'XF20260220000002', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'DELAY', channel: 'LETTER', receivedOn: '2026-02-20', complainantPhone: PHONES.B, acceptanceDeadline: '2026-03-09', decidedOn: '2026-03-10' }],
      ['P3', { number: 'XF20260225000003', unitCode: '510107002', policeType: 'TRAFFIC', kind: 'ATTITUDE', channel: 'HOTLINE_96166', receivedOn: '2026-02-25', complainantPhone: PHONES.C, acceptanceDeadline: '2026-03-12', decidedOn: '2026-03-02' }],
      ['P4', { number: 'XF20260212000004', unitCode: '510104002', policeType: 'HOUSEHOLD', kind: 'DELAY', channel: 'ONLINE', receivedOn: '2026-02-12', complainantPhone: PHONES.D, acceptanceDeadline: '2026-02-27', decidedOn: '2026-02-13' }],
      ['O1', { number: 'XF20260105000005', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'UNFAMILIAR', channel: 'VISIT', receivedOn: '2026-01-05', complainantPhone: PHONES.I, acceptanceDeadline: '2026-01-20', decidedOn: '2026-01-06', answerDeadline: '2026-03-09', answeredOn: '2026-03-12', finding: 'PARTLY_SUBSTANTIATED' }],
      ['M1', { number: 'XF20260302000006', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'ATTITUDE', channel: 'WINDOW', receivedOn: '2026-03-02', complainantPhone: PHONES.E, acceptanceDeadline: '2026-03-17', decidedOn: '2026-03-05', answerDeadline: '2026-05-04', answeredOn: '2026-03-20', finding: 'SUBSTANTIATED' }],
      ['M2', { number: 'XF20260303000007', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'DELAY', channel: 'WINDOW', receivedOn: '2026-03-03', complainantPhone: PHONES.F, acceptanceDeadline: '2026-03-18', decidedOn: '2026-03-20', answerDeadline: '2026-05-19' }],
      ['M3', { number: 'XF20260310000008', unitCode: '510107001', policeType: 'HOUSEHOLD', kind: 'DELAY', channel: 'LETTER', receivedOn: '2026-03-10', complainantPhone: PHONES.B, acceptanceDeadline: '2026-03-25', decidedOn: '2026-03-12', repeatOf: 'XF20260220000002' }],
      ['M4', { number: 'XF20260315000009', unitCode: '510107001', policeType: 'EXIT_ENTRY', kind: 'CONSULTATION', channel: 'HOTLINE_960111', receivedOn: '2026-03-15', complainantPhone: PHONES.G, acceptanceDeadline: '2026-03-30', decidedOn: '2026-03-16', answerDeadline: '2026-05-15', answeredOn: '2026-03-18', finding: 'NOT_APPLICABLE' }],
      ['M5', { number: 'XF20260305000010', unitCode: '510107002', policeType: 'TRAFFIC', kind: 'ATTITUDE', channel: 'HOTLINE_96166', receivedOn: '2026-03-05', complainantPhone: PHONES.H, acceptanceDeadline: '2026-03-20', decidedOn: '2026-03-06', answerDeadline: '2026-05-05', answeredOn: '2026-03-25', finding: 'NOT_SUBSTANTIATED' }],
      ['M6', { number: 'XF20260320000011', unitCode: '510107002', policeType: 'TRAFFIC', kind: 'MISCONDUCT', channel: 'VISIT', receivedOn: '2026-03-20', complainantPhone: PHONES.C, acceptanceDeadline: '2026-04-07' }],
      ['M7', { number: 'XF20260322000012', unitCode: '510107002', policeType: 'TRAFFIC', kind: 'ATTITUDE', channel: 'HOTLINE_96166', receivedOn: '2026-03-22', complainantPhone: PHONES.C, acceptanceDeadline: '2026-04-07', decidedOn: '2026-03-23', repeatOf: 'XF20260225000003' }],
      ['M8', { number: 'XF20260308000013', unitCode: '510104002', policeType: 'HOUSEHOLD', kind: 'DELAY', channel: 'ONLINE', receivedOn: '2026-03-08', complainantPhone: PHONES.D, acceptanceDeadline: '2026-03-23', decidedOn: '2026-03-09' }],
    ];
    const ids: Record<string, string> = {};
    for (const [name, r] of f) {
      const saved = await repo.save(repo.create({ ...base, handlingUnitCode: r.unitCode, routingVersion: 1, routingRule: '第 1 版：其他投诉 → 被投诉单位', ...r }));
      ids[name] = saved.id;
      N[name] = saved.number;
    }
    const d = ds.getRepository(ComplaintDeductionEntity);
    const ded = { officerName: '李警官', officerPoints: 2, unitPoints: 3, year: 2026, deductedBy: 'demo-xf', reversedOn: null, reversedBy: null, reversalReason: null };
    await d.insert([
      { ...ded, complaintId: ids.M1!, complaintNumber: N.M1!, finding: 'SUBSTANTIATED', policeType: 'HOUSEHOLD', unitCode: '510107001', officerUsername: 'demo-officer-li', deductedOn: '2026-03-20' },
      { ...ded, complaintId: ids.O1!, complaintNumber: N.O1!, finding: 'PARTLY_SUBSTANTIATED', policeType: 'HOUSEHOLD', unitCode: '510107001', officerUsername: 'demo-officer-li', deductedOn: '2026-03-12' },
      { ...ded, complaintId: ids.M5!, complaintNumber: N.M5!, finding: 'SUBSTANTIATED', policeType: 'TRAFFIC', unitCode: '510107002', officerUsername: 'demo-officer-wang', deductedOn: '2026-03-10', reversedOn: '2026-03-28', reversedBy: 'demo-sup', reversalReason: '复查认定不属实' },
    ] as never);
  }

  const kinds = (f: AnalysisFigures) => Object.fromEntries(f.byKind.filter((c) => c.count).map((c) => [c.key, c.count]));
  const channels = (f: AnalysisFigures) => Object.fromEntries(f.byChannel.filter((c) => c.count).map((c) => [c.key, c.count]));
  const line = (f: AnalysisFigures) => ({
    unit: f.unitCode, type: f.policeType, total: f.total, prev: f.previousTotal, change: f.change, changeRate: f.changeRate, kinds: kinds(f), channels: channels(f),
    repeats: f.repeatComplaints, repeatPersons: f.repeatComplainants, overdue: f.overdue, subst: f.substantiated, inv: f.investigated, rate: f.substantiatedRate,
    deductions: f.deductions, points: f.deductionPoints,
  });

  it('武侯 supervisor: the month by station and police type, exactly as computed by hand in the table above', async () => {
    const a = await analysis.analysis(supervisor, { month: '2026-03', level: 'STATION' });
    expect(a).toMatchObject({ month: '2026-03', previousMonth: '2026-02', unitPrefix: '510107', asOf: '2026-04-10' });
    expect(a.groups.map(line)).toEqual([
      { unit: '510107001', type: 'HOUSEHOLD', total: 2, prev: 2, change: 0, changeRate: 0, kinds: { ATTITUDE: 1, DELAY: 1 }, channels: { WINDOW: 2 }, repeats: 1, repeatPersons: 1, overdue: 3, subst: 1, inv: 1, rate: 1, deductions: 2, points: 6 },
      { unit: '510107001', type: 'EXIT_ENTRY', total: 1, prev: 0, change: 1, changeRate: null, kinds: { CONSULTATION: 1 }, channels: { HOTLINE_960111: 1 }, repeats: 0, repeatPersons: 0, overdue: 0, subst: 0, inv: 0, rate: null, deductions: 0, points: 0 },
      { unit: '510107002', type: 'TRAFFIC', total: 2, prev: 1, change: 1, changeRate: 1, kinds: { ATTITUDE: 1, MISCONDUCT: 1 }, channels: { HOTLINE_96166: 1, VISIT: 1 }, repeats: 1, repeatPersons: 1, overdue: 0, subst: 0, inv: 1, rate: 0, deductions: 0, points: 0 },
    ]);
    expect(line(a.total)).toEqual({
      unit: '510107', type: null, total: 5, prev: 3, change: 2, changeRate: 0.6667, kinds: { ATTITUDE: 2, DELAY: 1, MISCONDUCT: 1, CONSULTATION: 1 },
      channels: { WINDOW: 2, HOTLINE_96166: 1, HOTLINE_960111: 1, VISIT: 1 }, repeats: 2, repeatPersons: 2, overdue: 3, subst: 1, inv: 2, rate: 0.5, deductions: 2, points: 6,
    });
    expect(a.byPoliceType.map((f) => [f.policeType, f.total])).toEqual([['HOUSEHOLD', 2], ['EXIT_ENTRY', 1], ['TRAFFIC', 2]]);
    expect(a.byUnit.map((f) => [f.unitCode, f.unitName, f.total, f.overdue])).toEqual([
      ['510107001', '成都市公安局武侯区分局浆洗街派出所', 3, 3],
      ['510107002', '成都市公安局武侯区分局望江路派出所', 2, 0],
    ]);
    // The supervisor sees repeat complainants in full; that read is audited.
    expect(a.repeatComplainants).toEqual([
      { complainantName: '张三', complainantPhone: PHONES.C, complaints: 2, repeats: 1, firstNumber: N.P3, unitCodes: ['510107002'] },
      { complainantName: '张三', complainantPhone: PHONES.B, complaints: 1, repeats: 1, firstNumber: N.P2, unitCodes: ['510107001'] },
    ]);
    expect(await rows(`SELECT actor_username, action, subject_ref, outcome FROM audit_log WHERE action = 'COMPLAINT_ANALYSIS_READ'`)).toEqual([
      { actor_username: 'demo-sup', action: 'COMPLAINT_ANALYSIS_READ', subject_ref: '2026-03/510107', outcome: 'SUCCESS' },
    ]);
  });

  it('the analyst sees every unit, by district, repeat complainants masked; others are refused or narrowed to their jurisdiction', async () => {
    const a = await analysis.analysis(analyst, { month: '2026-03', level: 'DISTRICT' });
    expect(a.unitPrefix).toBe('');
    expect(a.groups.map((g) => [g.unitCode, g.policeType, g.total, g.previousTotal, g.overdue])).toEqual([
      ['510104', 'HOUSEHOLD', 1, 1, 0],
      ['510107', 'HOUSEHOLD', 2, 2, 3],
      ['510107', 'EXIT_ENTRY', 1, 0, 0],
      ['510107', 'TRAFFIC', 2, 1, 0],
    ]);
    expect([a.total.total, a.total.previousTotal]).toEqual([6, 4]);
    expect(a.repeatComplainants.map((p) => [p.complainantName, p.complainantPhone])).toEqual([['张*', '138****0003'], ['张*', '138****0002']]);
    expect((await analysis.analysis(analyst, { month: '2026-03', level: 'CITY' })).groups.map((g) => [g.unitCode, g.policeType, g.total])).toEqual([
      ['5101', 'HOUSEHOLD', 3], ['5101', 'EXIT_ENTRY', 1], ['5101', 'TRAFFIC', 2],
    ]);
    expect((await analysis.analysis(xf, { month: '2026-03', level: 'STATION', unitPrefix: '510107002' })).total.total).toBe(2);
    await expect(analysis.analysis(supervisorJinjiang, { month: '2026-03', level: 'STATION', unitPrefix: '510107' })).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    expect((await analysis.analysis(supervisorJinjiang, { month: '2026-03', level: 'STATION' })).total.total).toBe(1);
    await expect(analysis.analysis(household, { month: '2026-03', level: 'STATION' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analysis.analysis(clerk, { month: '2026-03', level: 'STATION' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analysis.analysis(analyst, { month: '2026-05', level: 'STATION' })).rejects.toMatchObject({ code: 'COMPLAINT_ANALYSIS_MONTH_INVALID' });
  });

  it('exports the same figures: XLSX (summary, one sheet per police type, frozen headers, number formats, masked) and CSV with a BOM; audited', async () => {
    const xlsx = await analysis.export(supervisor, { month: '2026-03', level: 'STATION' }, 'XLSX');
    expect(xlsx.fileName).toBe('信访投诉月度分析-2026-03-510107.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.content as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '户政', '出入境', '交管', '重复投诉人']);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['警种', '本月件数', '上月件数', '环比增减', '环比']);
    const col = (h: string) => header.indexOf(h) + 1;
    const total = summary.getRow(5);
    expect(total.getCell(1).value).toBe('合计');
    expect([col('本月件数'), col('上月件数'), col('态度'), col('超期件数'), col('属实率'), col('扣分次数'), col('单位扣分')].map((c) => total.getCell(c).value)).toEqual([5, 3, 2, 3, 0.5, 2, 6]);
    expect(total.getCell(col('属实率')).numFmt).toBe('0.0%');
    expect(total.getCell(col('环比增减')).numFmt).toBe('+0;-0;0');
    const household = book.getWorksheet('户政')!;
    expect((household.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['成都市公安局武侯区分局浆洗街派出所', '510107001', 2]);
    const people = book.getWorksheet('重复投诉人')!;
    expect((people.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['张*', '138****0003', 2, 1]);

    const csv = await analysis.export(supervisor, { month: '2026-03', level: 'STATION' }, 'CSV');
    expect([...csv.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.content.subarray(3).toString('utf8').trim().split('\r\n').map((l) => l.split(','));
    const h = lines[0]!;
    expect(h.slice(0, 6)).toEqual(['统计月份', '警种', '单位', '单位代码', '本月件数', '上月件数']);
    const last = lines[lines.length - 1]!;
    expect([last[1], last[2], last[3], last[h.indexOf('本月件数')], last[h.indexOf('环比')], last[h.indexOf('属实率')], last[h.indexOf('超期件数')]]).toEqual(['全部警种', '合计', '510107', '5', '0.6667', '0.5', '3']);
    expect(lines.map((l) => l[2])).toEqual(['单位', '成都市公安局武侯区分局浆洗街派出所', '小计', '成都市公安局武侯区分局浆洗街派出所', '小计', '成都市公安局武侯区分局望江路派出所', '小计', '合计']);
    expect(csv.content.toString('utf8')).not.toContain(PHONES.B);

    expect(await rows(`SELECT actor_username, subject_ref, details->>'format' AS format FROM audit_log WHERE action = 'COMPLAINT_ANALYSIS_EXPORT' ORDER BY id`)).toEqual([
      { actor_username: 'demo-sup', subject_ref: '2026-03/510107', format: 'XLSX' },
      { actor_username: 'demo-sup', subject_ref: '2026-03/510107', format: 'CSV' },
    ]);
  });

  describe('findings and deductions (扣分): 2 in a year → no awards, 3 → 提示单', () => {
    const intake: ComplaintIntake = {
      channel: 'VISIT', complainantName: '刘洋', complainantPhone: '13911112222', content: '窗口民警态度生硬，推诿不办', policeType: 'HOUSEHOLD' as ComplaintIntake['policeType'],
      responsibleUnitCode: '510107003', officerUsername: 'demo-officer-zhou', officerName: '周警官', kind: 'ATTITUDE',
    };
    const numbers: string[] = [];

    it('a finding must fit the kind; substantiated with a responsible officer deducts from unit and officer, traced to the complaint', async () => {
      today = '2026-06-01';
      for (const content of ['第一次投诉态度问题', '第二次投诉拖延问题', '第三次投诉业务不熟']) {
        const c = await complaints.intake(xf, { ...intake, content, complainantPhone: `139111122${numbers.length}0`, kind: (['ATTITUDE', 'DELAY', 'UNFAMILIAR'] as const)[numbers.length]! });
        await complaints.accept(xf, c.number, true);
        numbers.push(c.number);
      }
      const before = await rows(`SELECT count(*)::int AS n FROM complaint_deduction`);
      await expect(complaints.answer(xf, { number: numbers[0]!, text: '已核实', answerChannel: 'PHONE', finding: 'NOT_APPLICABLE' })).rejects.toMatchObject({ code: 'COMPLAINT_FINDING_INVALID' });
      await expect(complaints.answer(xf, { number: numbers[0]!, text: '已核实', answerChannel: 'PHONE', finding: 'SUBSTANTIATED', responsibleOfficerUsername: 'demo-xf' })).rejects.toMatchObject({ code: 'COMPLAINT_ABOUT_SELF' });
      expect(await rows(`SELECT count(*)::int AS n FROM complaint_deduction`)).toEqual(before);
      expect(await rows(`SELECT status, finding FROM complaint WHERE number = $1`, [numbers[0]])).toEqual([{ status: 'ACCEPTED', finding: null }]);

      // Confirmed: the officer named at intake.
      expect(await complaints.answer(xf, { number: numbers[0]!, text: '经核实属实，已批评教育', answerChannel: 'PHONE', finding: 'SUBSTANTIATED' }))
        .toMatchObject({ status: 'ANSWERED', finding: 'SUBSTANTIATED', responsibleOfficerUsername: 'demo-officer-zhou', responsibleOfficerName: '周警官' });
      // Not substantiated: answered, nothing deducted.
      await complaints.answer(xf, { number: numbers[1]!, text: '经核实不属实', answerChannel: 'WRITTEN', finding: 'NOT_SUBSTANTIATED' });
      expect(await rows(`SELECT complaint_number, finding, unit_code, police_type, officer_username, unit_points, officer_points, year, deducted_on::text AS deducted_on FROM complaint_deduction WHERE year = 2026 AND reversed_on IS NULL AND deducted_on >= '2026-06-01'`)).toEqual([
        { complaint_number: numbers[0], finding: 'SUBSTANTIATED', unit_code: '510107003', police_type: 'HOUSEHOLD', officer_username: 'demo-officer-zhou', unit_points: 3, officer_points: 2, year: 2026, deducted_on: '2026-06-01' },
      ]);
      const one = await deductions.standings(supervisor, 2026);
      expect(one.officers.find((o) => o.officerUsername === 'demo-officer-zhou')).toMatchObject({ deductions: 1, points: 2, consequence: 'NONE' });
    });

    it('corrected responsible officer at the close; the same officer twice → 取消立功授奖和评优资格, three times → 下发提示单', async () => {
      // The second complaint is closed with a changed finding: partly substantiated, the responsible officer confirmed.
      await complaints.close(xf, numbers[1]!, '复核', { finding: 'PARTLY_SUBSTANTIATED' });
      expect((await deductions.standings(supervisor, 2026)).officers.find((o) => o.officerUsername === 'demo-officer-zhou')).toMatchObject({ deductions: 2, consequence: 'NO_AWARDS' });
      // The third names 周警官 at intake but the check finds 吴警官 responsible: corrected.
      expect(await complaints.answer(xf, { number: numbers[2]!, text: '部分属实', answerChannel: 'SMS', finding: 'PARTLY_SUBSTANTIATED', responsibleOfficerUsername: 'demo-officer-wu', responsibleOfficerName: '吴警官' }))
        .toMatchObject({ responsibleOfficerUsername: 'demo-officer-wu', responsibleOfficerName: '吴警官' });
      // A fourth and fifth of 2026 against 周警官 (new complaints) make three standing.
      const c4 = await complaints.intake(xf, { ...intake, content: '第四次投诉', complainantPhone: '13922223333', kind: 'MISCONDUCT' });
      await complaints.accept(xf, c4.number, true);
      await complaints.answer(xf, { number: c4.number, text: '属实', answerChannel: 'WRITTEN', finding: 'SUBSTANTIATED' });
      numbers.push(c4.number);
      const s = await deductions.standings(supervisor, 2026);
      expect(s.officers.filter((o) => ['demo-officer-zhou', 'demo-officer-wu'].includes(o.officerUsername))).toEqual([
        { officerUsername: 'demo-officer-zhou', officerName: '周警官', unitCode: '510107003', deductions: 3, points: 6, consequence: 'WARNING_NOTICE' },
        { officerUsername: 'demo-officer-wu', officerName: '吴警官', unitCode: '510107003', deductions: 1, points: 2, consequence: 'NONE' },
      ]);
      expect(s.units.find((u) => u.unitCode === '510107003')).toEqual({ unitCode: '510107003', deductions: 4, points: 12 });
      // The analyst sees all, read-only; a clerk sees none.
      expect((await deductions.list(analyst, 2026)).length).toBeGreaterThanOrEqual(7);
      await expect(deductions.list(clerk, 2026)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('only a supervisor of the unit reverses a deduction, with a reason, audited and announced; the consequence follows', async () => {
      const [d] = (await deductions.list(supervisor, 2026)).filter((x) => x.complaintNumber === numbers[3]);
      await expect(deductions.reverse(analyst, d!.id, '误判')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(deductions.reverse(supervisor, d!.id, ' ')).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
      await expect(deductions.reverse(supervisorJinjiang, d!.id, '不属本单位')).rejects.toMatchObject({ code: 'COMPLAINT_DEDUCTION_NOT_FOUND' });
      const reversed = await deductions.reverse(supervisor, d!.id, '复查认定系恶意投诉');
      expect(reversed).toMatchObject({ reversedOn: '2026-06-01', reversedBy: 'demo-sup', reversalReason: '复查认定系恶意投诉' });
      await expect(deductions.reverse(supervisor, d!.id, '再次撤销')).rejects.toMatchObject({ code: 'COMPLAINT_DEDUCTION_ALREADY_REVERSED' });
      expect((await deductions.standings(supervisor, 2026)).officers.find((o) => o.officerUsername === 'demo-officer-zhou')).toMatchObject({ deductions: 2, consequence: 'NO_AWARDS' });
      expect(await rows(`SELECT actor_username, outcome, purpose FROM audit_log WHERE action = 'COMPLAINT_DEDUCTION_REVERSE' ORDER BY id`)).toEqual([
        { actor_username: 'demo-sup-jj', outcome: 'DENIED', purpose: '不属本单位' },
        { actor_username: 'demo-sup', outcome: 'SUCCESS', purpose: '复查认定系恶意投诉' },
      ]);

      await relay.drain();
      const stream = nats.stream(streamOf(ServiceName.COMPLAINTS).name);
      const last = await nats.manager.streams.getMessage(stream, { last_by_subj: nats.subject(EventSubjects.complaintDeductionChanged) });
      expect(last?.json<ComplaintDeductionChangedEvent>()).toMatchObject({
        deductionId: d!.id, action: 'REVERSED', complaintNumber: numbers[3], officerUsername: 'demo-officer-zhou', year: 2026, officerCountInYear: 2, unitPoints: 3, officerPoints: 2,
      });
      expect(await rows(`SELECT payload->>'action' AS action, count(*)::int AS n FROM outbox WHERE subject LIKE '%deduction.changed' GROUP BY 1 ORDER BY 1`)).toEqual([
        { action: 'DEDUCTED', n: 4 }, { action: 'REVERSED', n: 1 },
      ]);
    });
  });

  describe('the deadline job over the Spring Festival and a weekend', () => {
    const system = { sub: 'system:complaint-deadlines', username: 'system', displayName: '信访期限检查', roles: [], unitCode: '', unitName: '' } as Identity;
    const stateOf = async (number: string) => (await rows<{ deadline: string; deadline_state: string }>(`SELECT deadline::text AS deadline, deadline_state FROM complaint WHERE number = $1`, [number]))[0];

    it('flags a decision due 02-24 (02-01 + 15 = 02-16, a holiday) ON_TIME on 02-20, DUE_SOON on 02-21, OVERDUE on 02-25; the answer due 05-18 (Sunday 05-17) likewise', async () => {
      today = '2026-02-01';
      const c = await complaints.intake(xf, { channel: 'LETTER', complainantName: '陈静', complainantPhone: '13733334444', content: '春节前申请的户口迁入至今未办', policeType: 'HOUSEHOLD' as ComplaintIntake['policeType'], responsibleUnitCode: '510107001', kind: 'DELAY' });
      expect(await stateOf(c.number)).toEqual({ deadline: '2026-02-24', deadline_state: 'ON_TIME' });
      for (const [day, state] of [['2026-02-20', 'ON_TIME'], ['2026-02-21', 'DUE_SOON'], ['2026-02-24', 'DUE_SOON'], ['2026-02-25', 'OVERDUE']] as const) {
        today = day;
        await complaints.flagDeadlines(system);
        expect(await stateOf(c.number)).toEqual({ deadline: '2026-02-24', deadline_state: state });
      }
      today = '2026-03-18';
      expect(await complaints.accept(xf, c.number, true)).toMatchObject({ decidedOn: '2026-03-18', answerDeadline: '2026-05-18', deadlineState: 'ON_TIME' });
      for (const [day, state] of [['2026-05-14', 'ON_TIME'], ['2026-05-15', 'DUE_SOON'], ['2026-05-18', 'DUE_SOON'], ['2026-05-19', 'OVERDUE']] as const) {
        today = day;
        await complaints.flagDeadlines(system);
        expect(await stateOf(c.number)).toEqual({ deadline: '2026-05-18', deadline_state: state });
      }
      // Late decision and a missed answer deadline: counted overdue in February and in May.
      expect((await analysis.analysis(supervisor, { month: '2026-02', level: 'STATION' })).total.overdue).toBe(1);
      expect((await analysis.analysis(supervisor, { month: '2026-05', level: 'STATION' })).total.overdue).toBe(1);
    });
  });
});
