import { longNotice, sampleNotice } from '../test/fixtures.js';
import { compact, expectPdfEnvelope, extractPdf, maybeWriteSample } from '../test/pdf.js';
import { AUTHOR } from './layout.js';
import { ONE_TIME_NOTICE_TITLE, renderOneTimeNotice } from './index.js';

describe('renderOneTimeNotice', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderOneTimeNotice(sampleNotice());
    maybeWriteSample('sample-notice.pdf', pdf);
  });

  it('produces a complete PDF file', () => {
    expectPdfEnvelope(pdf);
  });

  it('embeds a subsetted Noto Sans SC with a ToUnicode map, no standard font', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
    expect(raw).not.toContain('/Helvetica');
  });

  it('stays small for a typical notice (subsetting works) and fits on one page', async () => {
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect((await extractPdf(pdf)).numpages).toBe(1);
  });

  it('has extractable Chinese text: title, item, number, every missing material', async () => {
    const notice = sampleNotice();
    const { compact: text } = await extractPdf(pdf);
    expect(text).toContain(ONE_TIME_NOTICE_TITLE);
    expect(text).toContain(notice.itemName);
    expect(text).toContain(notice.noticeNumber);
    expect(text).toContain(notice.unitName);
    for (const m of notice.missingMaterials) {
      expect(text).toContain(compact(m.name));
      expect(text).toContain(compact(m.note!));
    }
    for (const m of notice.presentedMaterials) expect(text).toContain(compact(m.name));
  });

  it('addresses the applicant (masked) and promises acceptance on the second visit', async () => {
    const { compact: text } = await extractPdf(pdf);
    expect(text).toContain('张*（公民身份号码：510107********1234）');
    expect(text).toContain('一次告知、二次办结');
    expect(text).toContain('当场予以受理');
  });

  it('prints the six notices, clerk, date, signature line and legal basis', async () => {
    const notice = sampleNotice();
    const { compact: text } = await extractPdf(pdf);
    for (const label of ['办理事项', '所需材料', '收费标准', '办理流程', '办理时限', '监督渠道']) {
      expect(text).toContain(label);
    }
    expect(text).toContain(compact(notice.sixNotices.fee));
    expect(text).toContain(compact(notice.sixNotices.supervision));
    expect(text).toContain('申请→受理（现场采集人像、指纹）→审核→制证→领取');
    expect(text).toContain('李明（警号/工号：012345）');
    expect(text).toContain('告知日期：2025年3月5日');
    expect(text).toContain('申请人签收');
    expect(text).toContain('《中华人民共和国行政许可法》第三十二条');
    expect(text).toContain('应当当场或者在五日内一次告知申请人需要补正的全部内容');
    expect(text).toContain('第1页共1页');
  });

  it('sets metadata: title, author and creation date from issuedAt', async () => {
    const { info } = await extractPdf(pdf);
    expect(info['Title']).toBe('一次性告知单 WHJXJ-2025-000123');
    expect(info['Author']).toBe(AUTHOR);
    expect(info['Author']).toBe('公安政务服务一窗通办');
    // 09:30 Beijing time = 01:30 UTC
    expect(info['CreationDate']).toBe('D:20250305013000Z');
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const again = await renderOneTimeNotice(sampleNotice());
    expect(again.equals(pdf)).toBe(true);
  });

  it('prints the optional legal note', async () => {
    const withNote = await renderOneTimeNotice(
      sampleNotice({ legalNote: '依据《居民身份证法》第十一条，证件有效期满应当换领新证。' }),
    );
    const { compact: text } = await extractPdf(withNote);
    expect(text).toContain('其他说明');
    expect(text).toContain('依据《居民身份证法》第十一条，证件有效期满应当换领新证。');
  });

  it('prints 无 when nothing was presented', async () => {
    const none = await renderOneTimeNotice(sampleNotice({ presentedMaterials: [] }));
    const { compact: text } = await extractPdf(none);
    expect(text).toContain('已提交的材料（共0项）无。');
  });

  it('breaks a notice with 40 missing materials over several pages, repeating the table header', async () => {
    const notice = longNotice();
    const long = await renderOneTimeNotice(notice);
    maybeWriteSample('sample-notice-long.pdf', long);
    expectPdfEnvelope(long);
    const { numpages, compact: text } = await extractPdf(long);
    expect(numpages).toBeGreaterThan(1);
    for (const m of notice.missingMaterials) expect(text).toContain(compact(m.name));
    expect(text).toContain('补正要求及说明（续）');
    expect(text).toContain('一次性告知单（续）');
    expect(text).toContain(`第${numpages}页共${numpages}页`);
    expect(long.length).toBeLessThan(300 * 1024);
  });

  it('splits a very long list of required materials into continuation rows', async () => {
    const materials = Array.from({ length: 60 }, (_, i) => `所需材料清单第${i + 1}项`);
    const notice = sampleNotice({ sixNotices: { ...sampleNotice().sixNotices, materials } });
    const { numpages, compact: text } = await extractPdf(await renderOneTimeNotice(notice));
    expect(numpages).toBeGreaterThan(1);
    for (const m of materials) expect(text).toContain(m);
    expect(text).toContain('所需材料（续）');
  });

  it('refuses an unmasked ID number', async () => {
    await expect(
      renderOneTimeNotice(sampleNotice({ applicantIdNumberMasked: '11010519491231002X' })),
    ).rejects.toThrow(/unmasked/);
    await expect(renderOneTimeNotice(sampleNotice({ applicantIdNumberMasked: '110105491231002' }))).rejects.toThrow(
      /unmasked/,
    );
  });

  it('refuses a notice without missing materials, empty fields and bad dates', async () => {
    await expect(renderOneTimeNotice(sampleNotice({ missingMaterials: [] }))).rejects.toThrow(/missingMaterials/);
    await expect(renderOneTimeNotice(sampleNotice({ noticeNumber: ' ' }))).rejects.toThrow(/noticeNumber/);
    await expect(renderOneTimeNotice(sampleNotice({ issuedAt: '2025-02-30' }))).rejects.toThrow(RangeError);
    await expect(renderOneTimeNotice(sampleNotice({ issuedAt: 'yesterday' }))).rejects.toThrow(RangeError);
  });
});
