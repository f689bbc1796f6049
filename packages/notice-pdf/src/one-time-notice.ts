import { formatChineseDate, parseIsoDate } from './dates.js';
import {
  assertMaskedIdNumber,
  assertNonEmpty,
  createDocument,
  drawTitleBlock,
  finalizePages,
  paragraph,
  renderToBuffer,
  sectionHeading,
  signatureBlock,
  table,
} from './layout.js';
import type { OneTimeNoticeDocument } from './types.js';

export const ONE_TIME_NOTICE_TITLE = '一次性告知单';

/** Legal basis printed in the footer of every page of a one-time notice. */
export const ONE_TIME_NOTICE_LEGAL_BASIS =
  '法律依据：《中华人民共和国行政许可法》第三十二条第一款第（四）项：申请材料不齐全或者不符合法定形式的，' +
  '应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理。';

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Rows a table can hold without overflowing a page: long lists are split into "（续）" rows. */
const LIST_ITEMS_PER_ROW = 12;

function listRows(label: string, items: readonly string[], separator: string): string[][] {
  if (items.length === 0) return [[label, '无']];
  const rows: string[][] = [];
  for (let i = 0; i < items.length; i += LIST_ITEMS_PER_ROW) {
    rows.push([i === 0 ? label : `${label}（续）`, items.slice(i, i + LIST_ITEMS_PER_ROW).join(separator)]);
  }
  return rows;
}

function validate(notice: OneTimeNoticeDocument): void {
  assertNonEmpty(notice.noticeNumber, 'noticeNumber');
  assertNonEmpty(notice.unitName, 'unitName');
  assertNonEmpty(notice.clerkName, 'clerkName');
  assertNonEmpty(notice.clerkId, 'clerkId');
  assertNonEmpty(notice.applicantName, 'applicantName');
  assertNonEmpty(notice.applicantIdNumberMasked, 'applicantIdNumberMasked');
  assertMaskedIdNumber(notice.applicantIdNumberMasked, 'applicantIdNumberMasked');
  assertNonEmpty(notice.itemCode, 'itemCode');
  assertNonEmpty(notice.itemName, 'itemName');
  if (notice.missingMaterials.length === 0) {
    throw new Error('missingMaterials is empty: with complete materials the application is accepted, not noticed');
  }
  notice.missingMaterials.forEach((m, i) => assertNonEmpty(m.name, `missingMaterials[${i}].name`));
  notice.presentedMaterials.forEach((m, i) => assertNonEmpty(m.name, `presentedMaterials[${i}].name`));
}

/**
 * Renders the 一次性告知单 (one-time written notice of missing materials) as an A4 PDF
 * with an embedded, subsetted Noto Sans SC font. Output is deterministic for a given input.
 */
export async function renderOneTimeNotice(notice: OneTimeNoticeDocument): Promise<Buffer> {
  validate(notice);
  const issued = parseIsoDate(notice.issuedAt, 'issuedAt');
  const issuedDate = formatChineseDate(issued);

  const doc = await createDocument({
    title: `${ONE_TIME_NOTICE_TITLE} ${notice.noticeNumber}`,
    subject: `${notice.itemName}（${notice.itemCode}）`,
    keywords: '一次性告知单,一次告知、二次办结,六告知',
    createdAt: issued.instant,
  });

  drawTitleBlock(doc, {
    unitName: notice.unitName,
    title: ONE_TIME_NOTICE_TITLE,
    numberLabel: '编号',
    number: notice.noticeNumber,
  });

  paragraph(doc, `${notice.applicantName}（公民身份号码：${notice.applicantIdNumberMasked}）：`, {
    align: 'left',
  });
  paragraph(
    doc,
    `您申请办理的“${notice.itemName}”（事项编码：${notice.itemCode}），经审查，` +
      '您提交的申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，' +
      `现将需要补正的全部材料（共${notice.missingMaterials.length}项）一次性告知如下。` +
      '请您按本告知单补齐材料后再来办理；材料齐全、符合法定形式的，我单位将当场予以受理，' +
      '做到“一次告知、二次办结”，不再要求您补充本告知单以外的材料。',
    { indentChars: 2, spaceAfter: 8 },
  );

  let section = 0;
  const heading = (text: string): void => {
    sectionHeading(doc, `${CHINESE_ORDINALS[section] ?? String(section + 1)}、${text}`);
    section++;
  };

  heading(`需要补正的材料（共${notice.missingMaterials.length}项）`);
  table(doc, {
    columns: [
      { header: '序号', width: 40, align: 'center' },
      { header: '材料名称', width: 210 },
      { header: '补正要求及说明' },
    ],
    rows: notice.missingMaterials.map((m, i) => [String(i + 1), m.name, m.note ?? '']),
    continuedSuffix: '（续）',
  });

  heading(`已提交的材料（共${notice.presentedMaterials.length}项）`);
  if (notice.presentedMaterials.length === 0) {
    paragraph(doc, '无。', { indentChars: 2 });
  } else {
    table(doc, {
      columns: [
        { header: '序号', width: 40, align: 'center' },
        { header: '材料名称' },
      ],
      rows: notice.presentedMaterials.map((m, i) => [String(i + 1), m.name]),
      continuedSuffix: '（续）',
    });
  }

  heading('办事指南（六告知）');
  const six = notice.sixNotices;
  table(doc, {
    columns: [{ header: '告知项目', width: 90 }, { header: '内容' }],
    rows: [
      ['办理事项', six.serviceItem],
      ...listRows('所需材料', six.materials.map((m, i) => `${i + 1}. ${m}`), '\n'),
      ['收费标准', six.fee],
      ...listRows('办理流程', six.process, ' → '),
      ['办理时限', six.timeLimit],
      ['监督渠道', six.supervision],
    ],
    labelColumn: true,
    noHeader: true,
  });

  if (notice.legalNote !== undefined && notice.legalNote.trim() !== '') {
    heading('其他说明');
    paragraph(doc, notice.legalNote, { indentChars: 2, spaceAfter: 8 });
  }

  paragraph(doc, '特此告知。', { indentChars: 2 });
  signatureBlock(doc, {
    lines: [
      [`窗口工作人员：${notice.clerkName}（警号/工号：${notice.clerkId}）`, `告知日期：${issuedDate}`],
      ['告知单位（盖章）：', ''],
      ['申请人签收：____________________', '签收日期：______年____月____日'],
    ],
    note: '本告知单一式两联，申请人、告知单位各执一联。补正材料时请携带本告知单。',
  });

  finalizePages(doc, {
    runningHeader: `${notice.unitName}　${ONE_TIME_NOTICE_TITLE}（续）　编号：${notice.noticeNumber}`,
    footerNote: ONE_TIME_NOTICE_LEGAL_BASIS,
    footerLeft: `编号：${notice.noticeNumber}`,
  });
  return renderToBuffer(doc);
}
