/**
 * Chinese labels and error messages of the police types' own registers (失物招领, 交通违法,
 * 出入境证件, 治安许可证). Kept apart from labels.ts / errors.ts so those stay one team's file;
 * the error entries are added to the shared table without overriding anything it already has.
 */
import { ERROR_MESSAGES } from './errors';

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

/** Codes of these services that the shared table does not (yet) name. */
const CAPABILITY_ERROR_MESSAGES: Record<string, { title: string; hint?: string }> = {
  FOUND_ITEM_NOT_FOUND: { title: '未找到该拾得物', hint: '请核对拾得物编号。' },
  LOST_REPORT_NOT_FOUND: { title: '未找到该失物登记', hint: '请刷新失物登记列表后重试。' },
  BATCH_REFERENCE_REQUIRED: { title: '环卫部门移交须填写移交批次号', hint: '请按环卫部门移交清单填写批次号。' },
  BATCH_ALREADY_REGISTERED: { title: '该移交批次已登记', hint: '请勿重复登记；可按批次号查询招领信息。' },
  DATE_IN_FUTURE: { title: '日期不能晚于今天', hint: '请核对拾得或遗失日期。' },
  ITEM_NOT_AVAILABLE: { title: '该物品当前状态不能办理此操作', hint: '物品可能已比对、认领或依法处理，请刷新后查看。' },
  REPORT_NOT_OPEN: { title: '该失物登记已比对或已办结', hint: '请选择其他失物登记。' },
  IDENTITY_NOT_VERIFIED: { title: '请先核验认领人身份', hint: '查验身份证件或人脸识别后勾选“已核验”。' },
  CLAIMANT_NOT_ON_REGISTER: { title: '人口信息库中查无认领人', hint: '已记录被拒的认领；请核对身份证号码。' },
  CLAIMANT_DECEASED: { title: '认领人户口已死亡注销', hint: '已记录被拒的认领；请由其继承人按规定办理。' },
  CLAIMANT_MISMATCH: { title: '认领人不是登记的失主', hint: '已记录被拒的认领；请由失主本人认领。' },
};
for (const [code, message] of Object.entries(CAPABILITY_ERROR_MESSAGES)) ERROR_MESSAGES[code] ??= message;

export const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;
