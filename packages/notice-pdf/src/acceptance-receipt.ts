import { formatChineseDate, formatChineseDateTime, parseIsoDate } from './dates.js';
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
import { progressQueryCorner } from './qr-code.js';
import type { AcceptanceReceiptDocument, PickupMethod } from './types.js';

export const ACCEPTANCE_RECEIPT_TITLE = '受理回执';

/** Legal basis printed in the footer of every page of an acceptance receipt. */
export const ACCEPTANCE_RECEIPT_LEGAL_BASIS =
  '法律依据：《中华人民共和国行政许可法》第三十二条第二款：行政机关受理或者不予受理行政许可申请，' +
  '应当出具加盖本行政机关专用印章和注明日期的书面凭证。';

export const PICKUP_METHOD_LABELS: Readonly<Record<PickupMethod, string>> = {
  window: '窗口领取',
  post: '邮政寄递',
  home: '送证上门',
};

function pickupText(method: PickupMethod, detail: string | undefined): string {
  const label = PICKUP_METHOD_LABELS[method];
  if (label === undefined) throw new Error(`pickup.method: unknown method ${JSON.stringify(method)}`);
  const d = detail !== undefined && detail.trim() !== '' ? detail : undefined;
  switch (method) {
    case 'window':
      return `${label}${d ? `（${d}）` : ''}。办结后将以短信通知您，请携带本回执及本人身份证件领取。`;
    case 'post':
      return `${label}${d ? `（寄递地址：${d}）` : ''}。办结后通过邮政寄递送达，请注意查收。`;
    case 'home':
      return `${label}${d ? `（送达地址：${d}）` : ''}。办结后由工作人员预约上门送达。`;
  }
}

function validate(receipt: AcceptanceReceiptDocument): void {
  assertNonEmpty(receipt.applicationNumber, 'applicationNumber');
  assertNonEmpty(receipt.unitName, 'unitName');
  assertNonEmpty(receipt.clerkName, 'clerkName');
  assertNonEmpty(receipt.clerkId, 'clerkId');
  assertNonEmpty(receipt.applicantName, 'applicantName');
  assertNonEmpty(receipt.applicantIdNumberMasked, 'applicantIdNumberMasked');
  assertMaskedIdNumber(receipt.applicantIdNumberMasked, 'applicantIdNumberMasked');
  assertNonEmpty(receipt.itemCode, 'itemCode');
  assertNonEmpty(receipt.itemName, 'itemName');
  receipt.toleratedMaterials.forEach((m, i) => {
    assertNonEmpty(m.name, `toleratedMaterials[${i}].name`);
    parseIsoDate(m.dueDate, `toleratedMaterials[${i}].dueDate`);
  });
}

/**
 * Renders the 受理回执 (acceptance receipt) as an A4 PDF in the same style as the one-time notice,
 * including materials accepted under a written commitment (容缺受理) with their due dates.
 */
export async function renderAcceptanceReceipt(receipt: AcceptanceReceiptDocument): Promise<Buffer> {
  validate(receipt);
  const accepted = parseIsoDate(receipt.acceptedAt, 'acceptedAt');
  const acceptedText = formatChineseDateTime(accepted);
  const promised = formatChineseDate(receipt.promisedCompletionDate, 'promisedCompletionDate');
  const timeLimit =
    receipt.timeLimit !== undefined && receipt.timeLimit.trim() !== '' ? receipt.timeLimit : undefined;

  const doc = await createDocument({
    title: `${ACCEPTANCE_RECEIPT_TITLE} ${receipt.applicationNumber}`,
    subject: `${receipt.itemName}（${receipt.itemCode}）`,
    keywords: '受理回执,首问责任制,容缺受理',
    createdAt: accepted.instant,
  });

  // 凭本回执查询办理进度: the QR code of the public progress query, in the title block's free corner.
  const progressUrl = receipt.progressQueryUrl?.trim();
  if (progressUrl) progressQueryCorner(doc, progressUrl);
  drawTitleBlock(doc, {
    unitName: receipt.unitName,
    title: ACCEPTANCE_RECEIPT_TITLE,
    numberLabel: '受理编号',
    number: receipt.applicationNumber,
  });

  paragraph(doc, `${receipt.applicantName}（公民身份号码：${receipt.applicantIdNumberMasked}）：`, {
    align: 'left',
  });
  const tolerated = receipt.toleratedMaterials;
  paragraph(
    doc,
    `您申请办理的“${receipt.itemName}”（事项编码：${receipt.itemCode}）已于${acceptedText}受理` +
      (tolerated.length > 0 ? `（其中${tolerated.length}项材料容缺受理）` : '') +
      `。我单位承诺于${promised}前办结${timeLimit ? `（承诺时限：${timeLimit}）` : ''}。` +
      '受理人为您本次办理事项的首问责任人。请妥善保管本回执，凭本回执查询办理进度、领取办理结果。',
    { indentChars: 2, spaceAfter: 8 },
  );

  const ordinals = ['一', '二', '三', '四', '五'];
  let section = 0;
  const heading = (text: string): void => {
    sectionHeading(doc, `${ordinals[section] ?? String(section + 1)}、${text}`);
    section++;
  };

  heading('受理信息');
  // Application number and unit are in the title block already.
  const rows: string[][] = [
    ['办理事项', `${receipt.itemName}（事项编码：${receipt.itemCode}）`],
    ['申请人', `${receipt.applicantName}（公民身份号码：${receipt.applicantIdNumberMasked}）`],
    ['受理时间', acceptedText],
    ['承诺办结日期', timeLimit ? `${promised}（${timeLimit}）` : promised],
    ['领取方式', pickupText(receipt.pickup.method, receipt.pickup.detail)],
    ['受理人', `${receipt.clerkName}（警号/工号：${receipt.clerkId}）`],
  ];
  if (receipt.contactPhone !== undefined && receipt.contactPhone.trim() !== '') {
    rows.push(['咨询电话', receipt.contactPhone]);
  }
  table(doc, {
    columns: [{ header: '项目', width: 100 }, { header: '内容' }],
    rows,
    labelColumn: true,
    noHeader: true,
  });

  const received = receipt.receivedMaterials ?? [];
  if (received.length > 0) {
    heading(`已收取的材料（共${received.length}项）`);
    table(doc, {
      columns: [
        { header: '序号', width: 40, align: 'center' },
        { header: '材料名称' },
      ],
      rows: received.map((m, i) => [String(i + 1), m.name]),
      continuedSuffix: '（续）',
    });
  }

  if (tolerated.length > 0) {
    heading(`容缺受理材料（共${tolerated.length}项，书面承诺补交）`);
    table(doc, {
      columns: [
        { header: '序号', width: 40, align: 'center' },
        { header: '材料名称', width: 150 },
        { header: '承诺补交期限', width: 100, align: 'center' },
        { header: '备注' },
      ],
      rows: tolerated.map((m, i) => [
        String(i + 1),
        m.name,
        formatChineseDate(m.dueDate, `toleratedMaterials[${i}].dueDate`),
        m.note ?? '',
      ]),
      continuedSuffix: '（续）',
    });
    paragraph(
      doc,
      '申请人已签署容缺受理书面承诺，保证在上述期限内补交容缺材料，并对承诺内容的真实性负责。' +
        '逾期未补交或者补交的材料不符合要求的，按照容缺受理承诺书的约定处理。',
      { indentChars: 2, spaceAfter: 8 },
    );
  }

  if (receipt.legalNote !== undefined && receipt.legalNote.trim() !== '') {
    heading('其他说明');
    paragraph(doc, receipt.legalNote, { indentChars: 2, spaceAfter: 8 });
  }

  signatureBlock(doc, {
    lines: [
      [`受理人：${receipt.clerkName}（警号/工号：${receipt.clerkId}）`, `受理日期：${formatChineseDate(accepted)}`],
      ['受理单位（盖章）：', ''],
      ['申请人签收：____________________', '签收日期：______年____月____日'],
    ],
    note: '本回执一式两联，申请人、受理单位各执一联。',
  });

  finalizePages(doc, {
    runningHeader: `${receipt.unitName}　${ACCEPTANCE_RECEIPT_TITLE}（续）　受理编号：${receipt.applicationNumber}`,
    footerNote: ACCEPTANCE_RECEIPT_LEGAL_BASIS,
    footerLeft: `受理编号：${receipt.applicationNumber}`,
  });
  return renderToBuffer(doc);
}
