// Kinds of permits and licences kept in the public-security register, which catalog item issues
// each, whether it belongs to a person or to a company, and its term. Terms marked [unverified]
// follow common local practice and were not checked against the regulation text.

export const PERMIT_KINDS = [
  'HOTEL', // 特种行业许可证（旅馆业）
  'SEAL_CARVING', // 特种行业许可证（公章刻制业）
  'EXPLOSIVES_PURCHASE', // 民用爆炸物品购买许可证
  'EXPLOSIVES_TRANSPORT', // 民用爆炸物品运输许可证
  'BLASTING_UNIT', // 爆破作业单位许可证
  'SECURITY_GUARD', // 保安员证
  'SECURITY_COMPANY', // 保安服务许可证
] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];

export const PERMIT_STATUSES = ['VALID', 'SUSPENDED', 'CANCELLED', 'UNDER_REVIEW'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export type HolderKind = 'PERSON' | 'COMPANY';

export interface PermitKindSpec {
  kind: PermitKind;
  label: string;
  /** Catalog item whose MARK_READY issues the permit. */
  itemCode: string;
  holderKind: HolderKind;
  /** Prefix of the permit number. */
  numberPrefix: string;
  /** Term from the issue date; null = no fixed term (长期). */
  term: { months: number } | { days: number } | null;
  termNote: string;
}

export const PERMIT_KIND_SPECS: Readonly<Record<PermitKind, PermitKindSpec>> = {
  HOTEL: {
    kind: 'HOTEL', label: '特种行业许可证（旅馆业）', itemCode: 'PS-HOTEL-LICENCE', holderKind: 'COMPANY', numberPrefix: 'LG', term: null,
    termNote: '旅馆业治安管理办法未规定有效期，经营情况变更的办理变更 [unverified: some provinces issue fixed terms]',
  },
  SEAL_CARVING: {
    kind: 'SEAL_CARVING', label: '特种行业许可证（公章刻制业）', itemCode: 'PS-SEAL-INDUSTRY-LICENCE', holderKind: 'COMPANY', numberPrefix: 'YZ', term: null,
    termNote: '长期有效 [unverified]',
  },
  EXPLOSIVES_PURCHASE: {
    kind: 'EXPLOSIVES_PURCHASE', label: '民用爆炸物品购买许可证', itemCode: 'PS-EXPLOSIVES-PURCHASE', holderKind: 'COMPANY', numberPrefix: 'MBG', term: { days: 30 },
    termNote: '购买许可证载明有效期限，本局按一个月核发 [unverified]',
  },
  EXPLOSIVES_TRANSPORT: {
    kind: 'EXPLOSIVES_TRANSPORT', label: '民用爆炸物品运输许可证', itemCode: 'PS-EXPLOSIVES-TRANSPORT', holderKind: 'COMPANY', numberPrefix: 'MBY', term: { days: 30 },
    termNote: '运输许可证载明有效期限，本局按一个月核发 [unverified]',
  },
  BLASTING_UNIT: {
    kind: 'BLASTING_UNIT', label: '爆破作业单位许可证', itemCode: 'PS-BLASTING-UNIT-LICENCE', holderKind: 'COMPANY', numberPrefix: 'BP', term: { months: 36 },
    termNote: '有效期三年 [unverified]',
  },
  SECURITY_GUARD: {
    kind: 'SECURITY_GUARD', label: '保安员证', itemCode: 'PS-SECURITY-GUARD-CERT', holderKind: 'PERSON', numberPrefix: 'BA', term: null,
    termNote: '保安服务管理条例未规定有效期',
  },
  SECURITY_COMPANY: {
    kind: 'SECURITY_COMPANY', label: '保安服务许可证', itemCode: 'PS-SECURITY-COMPANY-LICENCE', holderKind: 'COMPANY', numberPrefix: 'BAF', term: null,
    termNote: '长期有效 [unverified]',
  },
};

/** The permit kind a catalog item issues on MARK_READY, if any. */
export function permitKindOfItem(itemCode: string): PermitKindSpec | undefined {
  return Object.values(PERMIT_KIND_SPECS).find((s) => s.itemCode === itemCode);
}

/** Allowed manual status changes (by a public-security officer); CANCELLED is final. */
export const PERMIT_STATUS_CHANGES: Readonly<Record<PermitStatus, readonly PermitStatus[]>> = {
  VALID: ['SUSPENDED', 'CANCELLED', 'UNDER_REVIEW'],
  UNDER_REVIEW: ['VALID', 'SUSPENDED', 'CANCELLED'],
  SUSPENDED: ['VALID', 'CANCELLED', 'UNDER_REVIEW'],
  CANCELLED: [],
};

export function permitValidUntil(spec: PermitKindSpec, issuedOn: string): string | null {
  if (!spec.term) return null;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  if ('days' in spec.term) {
    return new Date(Date.UTC(y, m - 1, d + spec.term.days)).toISOString().slice(0, 10);
  }
  const months = m - 1 + spec.term.months;
  const year = y + Math.floor(months / 12);
  const month = months % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}
