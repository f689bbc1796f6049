/**
 * Chinese labels of the complaints register's enums (信访投诉), in one place for the intake form,
 * the workbench and its detail drawer.
 */

export const COMPLAINT_CHANNEL_LABELS: Record<string, string> = {
  WINDOW: '窗口当面',
  LETTER: '来信',
  VISIT: '来访',
  HOTLINE_96166: '96166 热线',
  HOTLINE_960111: '960111 热线',
  HOTLINE_12345: '12345 工单',
  ONLINE: '网上',
};

export const COMPLAINT_KIND_LABELS: Record<string, string> = {
  ATTITUDE: '态度',
  DELAY: '拖延',
  UNFAMILIAR: '业务不熟',
  MISCONDUCT: '违纪',
  CONSULTATION: '咨询',
  SUGGESTION: '建议',
  PRAISE: '表扬',
};

export const COMPLAINT_STATUS_LABELS: Record<string, string> = {
  RECEIVED: '已登记',
  ACCEPTED: '已受理',
  NOT_ACCEPTED: '不予受理',
  ANSWERED: '已答复',
  REOPENED: '复查中',
  CLOSED: '已办结',
};
export const COMPLAINT_STATUS_COLORS: Record<string, string> = {
  RECEIVED: 'blue', ACCEPTED: 'processing', NOT_ACCEPTED: 'default', ANSWERED: 'cyan', REOPENED: 'purple', CLOSED: 'green',
};

export const COMPLAINT_DEADLINE_STATE_LABELS: Record<string, string> = { ON_TIME: '正常', DUE_SOON: '即将到期', OVERDUE: '逾期', DONE: '已完成' };
export const COMPLAINT_DEADLINE_STATE_COLORS: Record<string, string> = { ON_TIME: 'green', DUE_SOON: 'orange', OVERDUE: 'red', DONE: 'default' };

export const COMPLAINT_ANSWER_CHANNEL_LABELS: Record<string, string> = {
  WRITTEN: '书面', PHONE: '电话', SMS: '短信', IN_PERSON: '当面', ONLINE: '网上',
};

export const COMPLAINT_ACTION_LABELS: Record<string, string> = {
  INTAKE: '登记',
  REPEATED: '重复投诉',
  ACCEPT: '受理',
  NOT_ACCEPT: '不予受理',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '批准延期',
  ANSWER: '答复',
  REOPEN: '重新办理',
  CLOSE: '办结',
  DEADLINE_STATE: '期限状态变化',
  TRANSFER: '移交核查',
  TRANSFER_OUTCOME: '核查反馈',
};

export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 分派规则: where a rule sends a complaint (承办单位). */
export const ROUTING_TARGET_LABELS: Record<string, string> = {
  RESPONSIBLE: '被投诉单位', DISTRICT: '所属分局', CITY: '所属市局（督察）', UNIT: '指定单位',
};
