import type { SERVICE_POINT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the service-point and self-service error codes (issue 11); spread into ERROR_MESSAGES. */
export const SERVICE_POINT_ERROR_MESSAGES: Record<(typeof SERVICE_POINT_ERROR_CODES)[number], ErrorMessage> = {
  SERVICE_POINT_ITEM_NOT_DELEGATED: { title: '该事项不在本网点受理', hint: '请按提示引导群众到可受理的网点办理（区级政务服务中心受理全部事项）。' },
  SERVICE_POINT_PERIOD_INVALID: { title: '统计区间无效', hint: '起始日期不得晚于截止日期，区间不超过一年。' },
  PROGRESS_QUERY_UNAVAILABLE: { title: '暂时查询不到办理进度', hint: '请拨打受理回执上的咨询电话，或到受理网点询问。' },
};
