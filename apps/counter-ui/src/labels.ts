/** Chinese labels of the API's enums (one place, used by every screen). */

export const POLICE_TYPE_LABELS: Record<string, string> = {
  HOUSEHOLD: '户政',
  EXIT_ENTRY: '出入境',
  TRAFFIC: '交管',
  PUBLIC_SECURITY: '治安',
  COMPLAINTS: '信访投诉',
};
export const POLICE_TYPES = Object.keys(POLICE_TYPE_LABELS);

export const POLICE_TYPE_COLORS: Record<string, string> = {
  HOUSEHOLD: 'blue',
  EXIT_ENTRY: 'purple',
  TRAFFIC: 'cyan',
  PUBLIC_SECURITY: 'geekblue',
  COMPLAINTS: 'magenta',
};

export const ROLE_LABELS: Record<string, string> = {
  CLERK: '窗口民警',
  OFFICER: '后台审批民警',
  SUPERVISOR: '督察',
  ANALYST: '市局分析',
  ADMIN: '系统管理员',
};

export const STATUS_LABELS: Record<string, string> = {
  ACCEPTED: '已受理',
  IN_REVIEW: '审核中',
  SUPPLEMENT_REQUESTED: '待补正',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  READY_FOR_PICKUP: '待领取',
  DELIVERED: '已领取',
  CLOSED: '已办结',
  WITHDRAWN: '已撤回',
};
export const STATUSES = Object.keys(STATUS_LABELS);

export const STATUS_COLORS: Record<string, string> = {
  ACCEPTED: 'blue',
  IN_REVIEW: 'processing',
  SUPPLEMENT_REQUESTED: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  READY_FOR_PICKUP: 'cyan',
  DELIVERED: 'default',
  CLOSED: 'default',
  WITHDRAWN: 'default',
};

export const ACTION_LABELS: Record<string, string> = {
  ACCEPT: '受理',
  START_REVIEW: '开始审核',
  REQUEST_SUPPLEMENT: '要求补正',
  SUPPLEMENT_RECEIVED: '补正材料已收',
  SUPPLY_TOLERATED: '容缺材料已补齐',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '批准延期',
  REJECT_EXTENSION: '驳回延期',
  APPROVE: '批准',
  REJECT: '不予批准',
  MARK_READY: '制证完成',
  DELIVER: '发证',
  CLOSE: '办结',
  WITHDRAW: '撤回申请',
  FLAG_OVERDUE: '标记超期',
  FLAG_DUE_SOON: '临近到期提醒',
  DEADLINE_RECOMPUTED: '重新计算期限',
  TRANSFER: '移交',
  // System entries of the death case (死亡注销一次办) and its transfers.
  FOLLOW_UPS_OPENED: '自动移交后续事项',
  FOLLOW_UP_COMPLETED: '后续事项已反馈',
  FOLLOW_UP_REFUSED: '后续事项被退回',
  FOLLOW_UPS_DONE: '后续事项全部反馈',
  FOLLOW_UPS_REVOKED: '撤销后续事项',
  FOLLOW_UP_REVOCATION_COMPLETED: '撤销已反馈',
  FOLLOW_UP_REVOCATION_REFUSED: '撤销被退回',
  // System entries of approvals that write the household registers (登记随案).
  REGISTER_BIRTH: '出生登记已入人口信息库',
  REGISTER_SETTLEMENT: '落户登记已入人口信息库',
  REGISTER_COLLECTIVE_HOUSEHOLD: '集体户已设立',
  REGISTER_MOVE_OUT: '迁出登记',
  HEAD_CHANGE_NEEDED: '需办理户主变更',
  RESIDENCE_PERMIT_ISSUED: '居住证已制发',
  RESIDENCE_PERMIT_ENDORSED: '居住证已签注',
  RESIDENCE_PERMIT_REPLACED: '居住证已换领/补领',
};

export const DEADLINE_STATE_LABELS: Record<string, string> = {
  ON_TIME: '正常',
  DUE_SOON: '临近到期',
  OVERDUE: '已超期',
  PAUSED: '暂停计时',
  DONE: '已办结',
};
export const DEADLINE_STATE_COLORS: Record<string, string> = {
  ON_TIME: 'green',
  DUE_SOON: 'orange',
  OVERDUE: 'red',
  PAUSED: 'default',
  DONE: 'default',
};

export const DELIVERY_METHOD_LABELS: Record<string, string> = {
  WINDOW: '窗口领取',
  POST: '邮政寄递',
  HOME: '送证上门',
};

export const TIME_LIMIT_UNIT_LABELS: Record<string, string> = {
  WORKING_DAYS: '工作日',
  CALENDAR_DAYS: '自然日',
};

export const PERSON_STATUS_LABELS: Record<string, string> = {
  NORMAL: '正常',
  MOVED_OUT: '已迁出',
  DECEASED: '死亡注销',
};
export const SEX_LABELS: Record<string, string> = { MALE: '男', FEMALE: '女' };
/** 居住证 status (`ResidencePermitStatus`); a card in use past its date without 签注 is 逾期未签注 (`lapsed`). */
export const RESIDENCE_PERMIT_STATUS_LABELS: Record<string, string> = { VALID: '在用', REPLACED: '已换领', LOST: '已挂失补领' };

/** 查询事由 for the audited person lookup (PIPL Art. 13: statutory duty). */
export const LOOKUP_PURPOSES = ['窗口受理业务办理', '业务咨询核实身份', '办理进度查询', '后台审批核查', '督察抽查'];

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return '';
  return map[key] ?? key;
}

export const SERVICE_LABELS: Record<string, string> = {
  counter: '综合窗口',
  household: '户政',
  'exit-entry': '出入境',
  traffic: '交管',
  'public-security': '治安',
  complaints: '信访投诉',
};

export const TRANSFER_STATUS_LABELS: Record<string, string> = {
  REQUESTED: '待签收',
  ACKNOWLEDGED: '已签收办理中',
  REFUSED: '已退回',
  COMPLETED: '已反馈办结',
  REVOKED: '已撤销',
};
export const TRANSFER_STATUS_COLORS: Record<string, string> = { REQUESTED: 'blue', ACKNOWLEDGED: 'processing', REFUSED: 'red', COMPLETED: 'green', REVOKED: 'default' };
export const TRANSFER_KIND_LABELS: Record<string, string> = { CASE: '案件', TASK: '事项', DEATH_FOLLOW_UP: '死亡注销后续事项', REVOCATION: '撤销原移交', COMPLAINT_CHECK: '信访核查' };
export const TRANSFER_ACTION_LABELS: Record<string, string> = {
  REQUESTED: '发起移交',
  ACKNOWLEDGED: '签收',
  REFUSED: '退回',
  COMPLETED: '反馈办理结果',
  FLAG_OVERDUE: '标记超期',
  REVOKED: '发起方撤销',
  AUTO_WORK_FAILED: '自动处理未完成',
  DEADLINE_PROVISIONAL: '暂定期限',
};
