import { formatFen, formatTimeLimit } from './rules.js';
import { CHANNEL_LABELS, type CatalogItem, type MaterialSpec, POLICE_TYPE_LABELS, type TimeLimit } from './schema.js';

export type SixNoticeKey = 'SERVICE_ITEM' | 'MATERIALS' | 'FEE' | 'PROCESS' | 'TIME_LIMIT' | 'SUPERVISION';

export interface SixNoticeSection {
  key: SixNoticeKey;
  /** e.g. '一、服务事项'. */
  title: string;
  /** Printable lines, in order. */
  lines: string[];
}

/**
 * Remove internal editorial remarks from catalog text before it reaches a citizen: anything in
 * ASCII square brackets, e.g. "[unverified: ...]" (citizen text uses Chinese brackets 【】（）).
 */
export function citizenText(s: string): string {
  return s.replace(/\s*\[[^\]]*\]/gu, '').trim();
}

/** How a material is to be handled, in citizen-facing Chinese. */
export function describeMaterial(m: MaterialSpec): string {
  const tags: string[] = [m.required ? '必交' : '视情提交'];
  if (m.verifiedOnline) tags.push(`免提交，由窗口${m.verifiedBy ? `向${citizenText(m.verifiedBy)}` : ''}网上核验`);
  if (m.toleratedIfMissing) tags.push('可容缺受理，须签署书面承诺后补交');
  const note = m.note ? citizenText(m.note) : '';
  return `${citizenText(m.name)}（${tags.join('；')}）${note ? `：${note}` : ''}`;
}

/**
 * 六告知 (Huangdao seed 004): service item, materials, fee, process, time limit and
 * supervision channel, as printable Chinese lines.
 */
export function sixNotices(item: CatalogItem): SixNoticeSection[] {
  const service = [
    `事项名称：${item.name}（事项编码 ${item.code}）`,
    `办理警种：${POLICE_TYPE_LABELS[item.policeType]}　事项类别：${item.category}`,
    `事项说明：${item.description}`,
    `办理渠道：${item.channels.map((c) => CHANNEL_LABELS[c]).join('、')}`,
    `办理结果：${item.resultName}`,
    `办理依据：${item.legalBasis.join('；')}`,
  ];

  const materials = item.materials.length
    ? item.materials.map((m, i) => `${i + 1}. ${describeMaterial(m)}`)
    : ['无需提交纸质材料。'];

  const fee: string[] = [];
  const feeText = citizenText(item.fee.description);
  fee.push(`收费金额：${item.fee.amountFen === 0 ? '不收费' : formatFen(item.fee.amountFen)}`);
  if (feeText) fee.push(`收费说明：${feeText}`);
  const basis = item.fee.basis ? citizenText(item.fee.basis) : '';
  if (basis) fee.push(`收费依据：${basis}`);
  for (const w of item.fee.waivers) fee.push(`免收情形：${w.description}（${w.condition}）`);

  const process = item.processSteps.map((s, i) => `${i + 1}. ${s}`);
  if (item.pickupNotice) process.push(`领取说明：${item.pickupNotice}`);

  const statutory = item.statutoryTimeLimit;
  const promised = item.promisedTimeLimit;
  const withNote = (t: TimeLimit) => {
    const note = t.note ? citizenText(t.note) : '';
    return `${formatTimeLimit(t)}${note ? `（${note}）` : ''}`;
  };
  const time = [
    `法定时限：${withNote(statutory)}`,
    `承诺时限：${withNote(promised)}`,
    '时限自受理之日的次日起计算。',
  ];

  const supervision = [
    `监督电话：${item.supervisionPhone}`,
    '对办理过程或结果不满意的，可当场评价，也可拨打监督电话反映；首问民警负责解答或指引。',
  ];

  const sections: SixNoticeSection[] = [
    { key: 'SERVICE_ITEM', title: '一、服务事项', lines: service },
    { key: 'MATERIALS', title: '二、申请材料', lines: materials },
    { key: 'FEE', title: '三、收费标准', lines: fee },
    { key: 'PROCESS', title: '四、办理流程', lines: process },
    { key: 'TIME_LIMIT', title: '五、办理时限', lines: time },
    { key: 'SUPERVISION', title: '六、监督方式', lines: supervision },
  ];
  for (const s of sections) s.lines = s.lines.map(citizenText).filter((l) => l !== '');
  return sections;
}

/** The six notices flattened to lines (title followed by its lines), ready to print. */
export function sixNoticesText(item: CatalogItem): string[] {
  return sixNotices(item).flatMap((s) => [s.title, ...s.lines.map((l) => `　　${l}`)]);
}
