import type { HOME_VISIT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the home-visit error codes (issue 11); spread into ERROR_MESSAGES. */
export const HOME_VISIT_ERROR_MESSAGES: Record<(typeof HOME_VISIT_ERROR_CODES)[number], ErrorMessage> = {
  HOME_VISIT_NOT_FOUND: { title: '未找到该上门服务', hint: '可能不在您的辖区，或已被删除；请刷新列表后重试。' },
  HOME_VISIT_INVALID_TRANSITION: { title: '该上门服务当前状态不能进行此操作', hint: '先派单，再由社区民警预约上门时间，上门后登记结果；已办结的不能再修改。' },
  HOME_VISIT_UNIT_INVALID: { title: '本单位不能登记上门服务', hint: '上门服务由派出所窗口登记；如本所未登记城区/农村类型，请联系管理员。' },
  HOME_VISIT_ITEM_UNKNOWN: { title: '事项目录中没有这个事项', hint: '请从事项下拉框中选择。' },
  HOME_VISIT_OFFICER_NOT_IN_ROSTER: { title: '该民警不在本所社区民警名录中', hint: '请从名录中选择本所的社区民警。' },
  HOME_VISIT_NOT_ASSIGNED_OFFICER: { title: '只有承接的社区民警可以操作', hint: '预约和登记结果须由派单的社区民警本人完成；如需换人，请窗口改派。' },
  HOME_VISIT_SCHEDULE_INVALID: { title: '上门时间不合适', hint: '请选择现在之后、办结期限之内的时间。' },
  HOME_VISIT_OUTCOME_INVALID: { title: '上门结果填写不完整', hint: '已上门受理须填写申请编号；无法上门须写明原因。' },
  HOME_VISIT_APPLICATION_NOT_FOUND: { title: '未找到该申请', hint: '请核对申请编号；上门受理后稍候片刻再登记结果。' },
  HOME_VISIT_APPLICATION_MISMATCH: { title: '申请人与上门服务的群众不一致', hint: '请填写为本次上门服务的群众受理的申请编号。' },
  FIRST_INQUIRY_NOT_FOUND: { title: '未找到该首问登记', hint: '请核对编号（SW-年月日-序号），或该记录不在您的辖区。' },
  FIRST_INQUIRY_OUTCOME_REQUIRED: { title: '请写明答复或引导去向', hint: '填写答复内容，或引导前往的单位及其联系方式。' },
  FIRST_INQUIRY_UNIT_INVALID: { title: '本单位不能登记首问', hint: '首问登记由派出所窗口或民警填写。' },
};
