import { sampleReceipt } from '../test/fixtures.js';
import { compact, expectPdfEnvelope, extractPdf, maybeWriteSample } from '../test/pdf.js';
import { ACCEPTANCE_RECEIPT_TITLE, renderAcceptanceReceipt } from './index.js';
import type { PickupMethod } from './index.js';

describe('renderAcceptanceReceipt', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderAcceptanceReceipt(sampleReceipt());
    maybeWriteSample('sample-receipt.pdf', pdf);
  });

  it('produces a small, complete one-page PDF with the embedded font', async () => {
    expectPdfEnvelope(pdf);
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect((await extractPdf(pdf)).numpages).toBe(1);
  });

  it('prints number, item, masked applicant, times, pickup and clerk', async () => {
    const r = sampleReceipt();
    const { compact: text } = await extractPdf(pdf);
    expect(text).toContain(ACCEPTANCE_RECEIPT_TITLE);
    expect(text).toContain(`受理编号：${r.applicationNumber}`);
    expect(text).toContain(r.itemName);
    expect(text).toContain(r.itemCode);
    expect(text).toContain('王*华（公民身份号码：110105********1234）');
    expect(text).toContain('受理时间2025年3月5日10时15分');
    expect(text).toContain('2025年3月19日（10个工作日）');
    expect(text).toContain('窗口领取（浆洗街派出所户籍窗口）');
    expect(text).toContain('李明（警号/工号：012345）');
    expect(text).toContain('028-96166');
    expect(text).toContain('首问责任人');
    expect(text).toContain('申请人签收');
    expect(text).toContain('第三十二条第二款');
  });

  it('prints the progress-query address with its QR code when given, still on one page', async () => {
    const url = 'https://zwfw.example.gov.cn/progress?number=HH20250305000123';
    const withQr = await renderAcceptanceReceipt({ ...sampleReceipt(), progressQueryUrl: url });
    maybeWriteSample('sample-receipt-qr.pdf', withQr);
    const { compact: text, numpages } = await extractPdf(withQr);
    expect(numpages).toBe(1);
    expect(text).toContain('扫码查询办理进度');
    expect(withQr.length).toBeGreaterThan(pdf.length);
    expect((await extractPdf(pdf)).compact).not.toContain('二维码');
  });

  it('lists tolerated materials with their due dates under the written commitment', async () => {
    const { compact: text } = await extractPdf(pdf);
    expect(text).toContain('容缺受理材料（共1项，书面承诺补交）');
    expect(text).toContain('结婚证复印件2025年3月12日');
    expect(text).toContain('容缺受理书面承诺');
    expect(text).toContain('（其中1项材料容缺受理）');
  });

  it('omits the tolerated section when there is none', async () => {
    const { compact: text } = await extractPdf(await renderAcceptanceReceipt(sampleReceipt({ toleratedMaterials: [] })));
    expect(text).not.toContain('容缺');
  });

  it.each<[PickupMethod, string]>([
    ['post', '邮政寄递（寄递地址：成都市武侯区某街道***号）'],
    ['home', '送证上门（送达地址：成都市武侯区某街道***号）'],
  ])('prints pickup method %s', async (method, expected) => {
    const receipt = sampleReceipt({ pickup: { method, detail: '成都市武侯区某街道***号' } });
    const { compact: text } = await extractPdf(await renderAcceptanceReceipt(receipt));
    expect(text).toContain(expected);
  });

  it('sets metadata from acceptedAt and is deterministic', async () => {
    const { info } = await extractPdf(pdf);
    expect(info['Title']).toBe('受理回执 SL-20250305-0042');
    expect(info['Author']).toBe('公安政务服务一窗通办');
    expect(info['CreationDate']).toBe('D:20250305021500Z');
    expect((await renderAcceptanceReceipt(sampleReceipt())).equals(pdf)).toBe(true);
  });

  it('breaks long tolerated lists over pages', async () => {
    const toleratedMaterials = Array.from({ length: 45 }, (_, i) => ({
      name: `容缺材料第${i + 1}项`,
      dueDate: '2025-03-20',
      note: '承诺于期限内补交原件',
    }));
    const long = await renderAcceptanceReceipt(sampleReceipt({ toleratedMaterials }));
    const { numpages, compact: text } = await extractPdf(long);
    expect(numpages).toBeGreaterThan(1);
    for (const m of toleratedMaterials) expect(text).toContain(compact(m.name));
    expect(text).toContain('受理回执（续）');
  });

  it('refuses an unmasked ID number, an unknown pickup method and a bad due date', async () => {
    await expect(
      renderAcceptanceReceipt(sampleReceipt({ applicantIdNumberMasked: '440524188001010014' })),
    ).rejects.toThrow(/unmasked/);
    await expect(
      renderAcceptanceReceipt(sampleReceipt({ pickup: { method: 'drone' as PickupMethod } })),
    ).rejects.toThrow(/pickup/);
    await expect(
      renderAcceptanceReceipt(sampleReceipt({ toleratedMaterials: [{ name: '结婚证', dueDate: '下周' }] })),
    ).rejects.toThrow(/dueDate/);
  });
});
