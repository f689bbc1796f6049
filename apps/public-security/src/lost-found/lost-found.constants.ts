// Fixed vocabularies of the lost-and-found platform (失物招领平台, run with the sanitation
// department — "环卫拾物、公安找人").

export const FOUND_ITEM_CATEGORIES = ['ID_DOCUMENT', 'WALLET', 'PHONE', 'KEYS', 'BAG', 'ELECTRONICS', 'CLOTHING', 'OTHER'] as const;
export type FoundItemCategory = (typeof FOUND_ITEM_CATEGORIES)[number];

/** Labels shown to citizens and used in the SMS. */
export const CATEGORY_LABELS: Readonly<Record<FoundItemCategory, string>> = {
  ID_DOCUMENT: '证件',
  WALLET: '钱包',
  PHONE: '手机',
  KEYS: '钥匙',
  BAG: '包',
  ELECTRONICS: '电子产品',
  CLOTHING: '衣物',
  OTHER: '其他物品',
};

export const HANDED_IN_BY = ['CITIZEN', 'SANITATION', 'OTHER'] as const;
export type HandedInBy = (typeof HANDED_IN_BY)[number];

export const FOUND_ITEM_STATUSES = ['IN_STORAGE', 'MATCHED', 'CLAIMED', 'DISPOSED'] as const;
export type FoundItemStatus = (typeof FOUND_ITEM_STATUSES)[number];
/** Items on the notice board (招领中): may still be matched, claimed or disposed of. */
export const OPEN_ITEM_STATUSES: readonly FoundItemStatus[] = ['IN_STORAGE', 'MATCHED'];

export const LOST_REPORT_STATUSES = ['OPEN', 'MATCHED', 'CLOSED'] as const;
export type LostReportStatus = (typeof LOST_REPORT_STATUSES)[number];

export const CLAIM_STATUSES = ['RETURNED', 'REFUSED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const VERIFICATION_METHODS = ['ID_CARD', 'FACE', 'OTHER_DOCUMENT'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const DISPOSAL_METHODS = ['STATE_TREASURY', 'HANDLED_BY_LAW', 'RETURNED_TO_ISSUER'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

export const DISPOSAL_LABELS: Readonly<Record<DisposalMethod, string>> = {
  STATE_TREASURY: '上缴国库',
  HANDLED_BY_LAW: '依法处理（拍卖、变卖价款上缴国库或销毁）',
  RETURNED_TO_ISSUER: '移交发证机关',
};

/**
 * 民法典 第三百一十八条: unclaimed property passes to the state. Cash and wallets go to the
 * treasury; documents go back to the issuing authority (an ID card to the household register,
 * which invalidates it); everything else is handled by law (sold, proceeds to the treasury, or
 * destroyed when worthless).
 */
export function disposalMethodFor(category: FoundItemCategory): DisposalMethod {
  switch (category) {
    case 'WALLET':
      return 'STATE_TREASURY';
    case 'ID_DOCUMENT':
      return 'RETURNED_TO_ISSUER';
    case 'PHONE':
    case 'KEYS':
    case 'BAG':
    case 'ELECTRONICS':
    case 'CLOTHING':
    case 'OTHER':
      return 'HANDLED_BY_LAW';
    default: {
      const unexpected: never = category;
      throw new Error(`unknown category ${String(unexpected)}`);
    }
  }
}

/** SMS template the counter renders for a match (registered with the carrier in advance). */
export const LOST_ITEM_MATCHED_TEMPLATE = 'LOST_ITEM_MATCHED';
/** Longest storage-place name, so the SMS stays within 70 characters with signature and template. */
export const MAX_STORAGE_PLACE_LENGTH = 24;
