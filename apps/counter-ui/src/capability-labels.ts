/**
 * Chinese labels and error messages of the police types' own registers (失物招领, 交通违法,
 * 出入境证件, 治安许可证). Kept apart from labels.ts / errors.ts so those stay one team's file;
 * the error entries are added to the shared table without overriding anything it already has.
 */

export const VIOLATION_STATUS_LABELS: Record<string, string> = { OPEN: '未处理', DECIDED: '已处罚待缴款', PAID: '已缴款' };
export const VIOLATION_STATUS_COLORS: Record<string, string> = { OPEN: 'red', DECIDED: 'orange', PAID: 'green' };

export const PERMIT_STATUS_LABELS: Record<string, string> = { VALID: '有效', SUSPENDED: '暂扣', CANCELLED: '注销', UNDER_REVIEW: '核查中' };
export const PERMIT_STATUS_COLORS: Record<string, string> = { VALID: 'green', SUSPENDED: 'orange', CANCELLED: 'default', UNDER_REVIEW: 'gold' };
/** The register's allowed status changes (public-security permit-kinds.ts PERMIT_STATUS_CHANGES; the server checks again). */
export const PERMIT_STATUS_CHANGES: Record<string, string[]> = {
  VALID: ['SUSPENDED', 'CANCELLED', 'UNDER_REVIEW'],
  UNDER_REVIEW: ['VALID', 'SUSPENDED', 'CANCELLED'],
  SUSPENDED: ['VALID', 'CANCELLED', 'UNDER_REVIEW'],
  CANCELLED: [],
};
export const PERMIT_KIND_LABELS: Record<string, string> = {
  SECURITY_GUARD: '保安员证',
  SECURITY_COMPANY: '保安服务许可证',
  HOTEL: '特种行业许可证（旅馆业）',
  SEAL_CARVING: '特种行业许可证（公章刻制业）',
  EXPLOSIVES_PURCHASE: '民用爆炸物品购买许可证',
  EXPLOSIVES_TRANSPORT: '民用爆炸物品运输许可证',
  BLASTING_UNIT: '爆破作业单位许可证',
};
export const PERMIT_ACTION_LABELS: Record<string, string> = { ISSUE: '核发', CHANGE_STATUS: '变更状态', DEATH_FOLLOW_UP: '持证人死亡注销后续处理' };

export const TRAVEL_DOCUMENT_STATUS_COLORS: Record<string, string> = { VALID: 'green', EXPIRED: 'default', CANCELLED: 'default', LOST: 'red', REPLACED: 'default' };

export const FOUND_ITEM_CATEGORY_LABELS: Record<string, string> = {
  ID_DOCUMENT: '证件', WALLET: '钱包', PHONE: '手机', KEYS: '钥匙', BAG: '包', ELECTRONICS: '电子产品', CLOTHING: '衣物', OTHER: '其他物品',
};
export const FOUND_ITEM_STATUS_LABELS: Record<string, string> = { IN_STORAGE: '保管中', MATCHED: '已比对待认领', CLAIMED: '已认领', DISPOSED: '已依法处理' };
export const FOUND_ITEM_STATUS_COLORS: Record<string, string> = { IN_STORAGE: 'blue', MATCHED: 'gold', CLAIMED: 'green', DISPOSED: 'default' };
export const LOST_REPORT_STATUS_LABELS: Record<string, string> = { OPEN: '登记中', MATCHED: '已比对', CLOSED: '已办结' };
export const LOST_REPORT_STATUS_COLORS: Record<string, string> = { OPEN: 'blue', MATCHED: 'gold', CLOSED: 'default' };
export const HANDED_IN_BY_LABELS: Record<string, string> = { SANITATION: '环卫部门', CITIZEN: '群众送交', OTHER: '其他单位' };
export const VERIFICATION_METHOD_LABELS: Record<string, string> = { ID_CARD: '查验身份证', FACE: '人脸识别', OTHER_DOCUMENT: '其他有效证件' };
export const LOST_FOUND_ACTION_LABELS: Record<string, string> = {
  REGISTER: '接收登记', FILE_REPORT: '失物登记', MATCH: '比对确认', CLAIM: '认领返还', CLAIM_REFUSED: '认领被拒', DISPOSE: '期满依法处理',
};


export const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;
