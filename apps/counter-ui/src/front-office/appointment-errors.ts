import type { APPOINTMENT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the appointment error codes (issue 11); spread into ERROR_MESSAGES. */
export const APPOINTMENT_ERROR_MESSAGES: Record<(typeof APPOINTMENT_ERROR_CODES)[number], ErrorMessage> = {
  APPOINTMENT_ITEM_NOT_BOOKABLE: { title: '该事项不接受预约', hint: '请从可预约事项中选择，或到大厅现场取号办理。' },
  APPOINTMENT_DAY_CLOSED: { title: '当天不办理预约', hint: '该日为法定节假日、休息日或临时闭厅，请选择其他日期（周六和长假最后几天有延时服务）。' },
  APPOINTMENT_SLOT_UNKNOWN: { title: '没有这个预约时段', hint: '请从时段列表中选择。' },
  APPOINTMENT_SLOT_FULL: { title: '该时段已约满', hint: '请选择其他时段或日期；原预约保持不变。' },
  APPOINTMENT_SLOT_IN_PAST: { title: '该时段已过', hint: '只能预约尚未开始的时段。' },
  APPOINTMENT_BEYOND_HORIZON: { title: '超出可预约范围', hint: '只能预约 14 天内的时段。' },
  APPOINTMENT_PERSON_LIMIT: { title: '超出每人每日预约上限', hint: '同一手机号每天最多预约 2 个时段；可先取消已有预约。' },
  APPOINTMENT_NO_SHOW_LIMIT: { title: '暂停网上预约', hint: '近 90 天内多次预约未到，请拨打 96166 热线预约或到大厅现场取号。' },
  APPOINTMENT_NOT_FOUND: { title: '未找到该预约', hint: '请核对预约号和手机号。' },
  APPOINTMENT_INVALID_STATE: { title: '该预约当前不能进行此操作', hint: '已取消、已签到或已过期的预约不能再修改。' },
  APPOINTMENT_WRONG_STATION: { title: '不是在本大厅预约的', hint: '请引导群众到预约的办证大厅签到，或现场取号办理。' },
  APPOINTMENT_CHECK_IN_TOO_EARLY: { title: '还未到签到时间', hint: '预约时段开始前 30 分钟起可签到。' },
  APPOINTMENT_CLOSURE_INVALID: { title: '闭厅日期不正确', hint: '开始日期不能早于今天，结束日期不能早于开始日期，一次最长 60 天。' },
};
