// Plain (unvalidated) catalog objects for tests; serialise with JSON.stringify (JSON is YAML).
export type Plain = Record<string, unknown>;

export function plainItem(overrides: Plain = {}): Plain {
  return {
    code: 'HH-TEST-ITEM',
    name: '测试事项',
    aliases: ['测试别名'],
    policeType: 'HOUSEHOLD',
    category: '测试',
    description: '用于单元测试的事项',
    materials: [
      { code: 'ID_PHOTO_RECEIPT', name: '数字相片采集回执', required: true },
      { code: 'HOUSEHOLD_REGISTER', name: '居民户口簿', required: true, toleratedIfMissing: true },
      { code: 'BIRTH_CERT', name: '出生医学证明', required: true, verifiedOnline: true, verifiedBy: '卫健部门' },
      { code: 'GUARDIAN_ID', name: '监护人居民身份证', required: false },
    ],
    fee: {
      amountFen: 2000,
      description: '工本费',
      waivers: [{ code: 'LOW_INCOME', description: '低保免收', condition: '领取最低生活保障金的' }],
    },
    statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS' },
    promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' },
    channels: ['COUNTER'],
    processSteps: ['受理', '审核', '发证'],
    legalBasis: ['《中华人民共和国居民身份证法》'],
    supervisionPhone: '12389',
    resultName: '居民身份证',
    formFields: [{ key: 'contactPhone', label: '联系电话', type: 'phone', required: true }],
    sources: [{ title: '国家法律法规数据库', url: 'https://flk.npc.gov.cn/' }],
    ...overrides,
  };
}

export function plainCatalog(items: Plain[] = [plainItem()], overrides: Plain = {}): Plain {
  return { policeType: 'HOUSEHOLD', version: '1.0.0', effectiveFrom: '2025-01-01', items, ...overrides };
}

export function catalogText(items?: Plain[], overrides?: Plain): string {
  return JSON.stringify(plainCatalog(items, overrides));
}
