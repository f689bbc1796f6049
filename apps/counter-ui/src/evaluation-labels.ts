/** Chinese labels of 好差评 and 回访核实 (the API's enum values → what the window shows). */
export const RATING_LABELS: Record<string, string> = { SATISFIED: '满意', BASIC: '基本满意', DISSATISFIED: '不满意' };
export const LEVEL_LABELS: Record<string, string> = {
  VERY_SATISFIED: '非常满意', SATISFIED: '满意', BASIC: '基本满意', DISSATISFIED: '不满意', VERY_DISSATISFIED: '非常不满意',
};
export const REASON_LABELS: Record<string, string> = { TOO_SLOW: '时间太长', UNFAMILIAR: '业务不熟', ATTITUDE: '态度不好', OTHER: '其他' };
export const EVALUATION_CHANNEL_LABELS: Record<string, string> = { WINDOW: '窗口当场评价', SMS: '短信回访' };
export const CALLBACK_STATUS_LABELS: Record<string, string> = { OPEN: '待回访', CALLED_BACK: '已回访', RECTIFIED: '已整改', EXPLAINED: '已说明', VOIDED: '差评已作废' };
export const CALLBACK_STATUS_COLORS: Record<string, string> = { OPEN: 'orange', CALLED_BACK: 'blue', RECTIFIED: 'green', EXPLAINED: 'green', VOIDED: 'default' };
export const CALLBACK_DEADLINE_LABELS: Record<string, string> = { ON_TIME: '正常', DUE_SOON: '今日到期', OVERDUE: '超期', DONE: '已完成' };
export const CALLBACK_DEADLINE_COLORS: Record<string, string> = { ON_TIME: 'default', DUE_SOON: 'gold', OVERDUE: 'red', DONE: 'green' };
