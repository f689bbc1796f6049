import type { AcceptanceReceiptDocument, OneTimeNoticeDocument } from '../src/index.js';

/** A typical notice: ID card renewal at a Wuhou police station, two materials missing. */
export function sampleNotice(overrides: Partial<OneTimeNoticeDocument> = {}): OneTimeNoticeDocument {
  return {
    noticeNumber: 'WHJXJ-2025-000123',
    issuedAt: '2025-03-05T09:30:00+08:00',
    unitName: '成都市公安局武侯区分局浆洗街派出所',
    clerkName: '李明',
    clerkId: '012345',
    applicantName: '张*',
    applicantIdNumberMasked: '510107********1234',
    itemCode: 'HZ-SFZ-002',
    itemName: '居民身份证换领',
    missingMaterials: [
      { name: '居民户口簿', note: '原件，须与本人户籍信息一致' },
      { name: '本人近期免冠彩色照片', note: '可在窗口现场采集，无需自备' },
    ],
    presentedMaterials: [{ name: '原居民身份证' }, { name: '居民身份证申领登记表' }],
    sixNotices: {
      serviceItem: '居民身份证换领（有效期满换领）',
      materials: ['原居民身份证', '居民户口簿', '居民身份证申领登记表（窗口领取）'],
      fee: '工本费20元；低保对象免收。',
      process: ['申请', '受理（现场采集人像、指纹）', '审核', '制证', '领取'],
      timeLimit: '60日内办结（法定时限），本单位承诺20个工作日。',
      supervision: '监督电话：96166（武侯区公安分局）；也可通过12345政务服务便民热线反映。',
    },
    ...overrides,
  };
}

/** 40 missing materials with long notes: must spill over several pages. */
export function longNotice(): OneTimeNoticeDocument {
  return sampleNotice({
    noticeNumber: 'WHJXJ-2025-000999',
    itemName: '旅馆业特种行业许可证核发',
    itemCode: 'ZA-TZHY-001',
    missingMaterials: Array.from({ length: 40 }, (_, i) => ({
      name: `补正材料第${i + 1}项：消防安全检查合格证明`,
      note: '须提交原件及复印件各一份，复印件加盖单位公章；如由他人代办，另需提交授权委托书及代办人身份证件。',
    })),
  });
}

export function sampleReceipt(overrides: Partial<AcceptanceReceiptDocument> = {}): AcceptanceReceiptDocument {
  return {
    applicationNumber: 'SL-20250305-0042',
    acceptedAt: '2025-03-05T10:15:00+08:00',
    unitName: '成都市公安局武侯区分局浆洗街派出所',
    clerkName: '李明',
    clerkId: '012345',
    applicantName: '王*华',
    applicantIdNumberMasked: '110105********1234',
    itemCode: 'HZ-HK-003',
    itemName: '户口迁入（投靠落户）',
    promisedCompletionDate: '2025-03-19',
    timeLimit: '10个工作日',
    pickup: { method: 'window', detail: '浆洗街派出所户籍窗口' },
    receivedMaterials: [{ name: '居民户口簿' }, { name: '准予迁入证明' }],
    toleratedMaterials: [
      { name: '结婚证复印件', dueDate: '2025-03-12', note: '婚姻登记信息暂未共享，承诺补交' },
    ],
    contactPhone: '028-96166',
    ...overrides,
  };
}
