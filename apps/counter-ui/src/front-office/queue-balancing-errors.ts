import type { QUEUE_BALANCING_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the queue-balancing error codes (issue 11); spread into ERROR_MESSAGES. */
export const QUEUE_BALANCING_ERROR_MESSAGES: Record<(typeof QUEUE_BALANCING_ERROR_CODES)[number], ErrorMessage> = {
  QUEUE_BALANCING_PROPOSAL_NOT_FOUND: { title: '未找到该调配建议', hint: '建议可能不在您的辖区，请刷新后重试。' },
  QUEUE_BALANCING_ALREADY_DECIDED: { title: '该调配建议已处理或已失效', hint: '请刷新查看最新状态。' },
  QUEUE_BALANCING_REASON_REQUIRED: { title: '不采纳须填写理由', hint: '请写明不采纳的原因后再提交。' },
  QUEUE_BALANCING_THRESHOLDS_INVALID: { title: '调配阈值不合理', hint: '等候人数 1–500、等候分钟 1–480、短队列 0–50、每窗口目标 1–100，均为整数。' },
  QUEUE_BALANCING_PERIOD_INVALID: { title: '统计期间不正确', hint: '结束日期不能早于开始日期，期间最长 31 天。' },
  QUEUE_BALANCING_STATION_REQUIRED: { title: '请选择一个派出所', hint: '调配建议和阈值按派出所大厅设置，请选择具体的派出所。' },
};
