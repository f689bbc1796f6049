import type { QUEUE_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the queue error codes (issue 11); spread into ERROR_MESSAGES. */
export const QUEUE_ERROR_MESSAGES: Record<(typeof QUEUE_ERROR_CODES)[number], ErrorMessage> = {
  QUEUE_STATION_UNKNOWN: { title: '没有这个办事大厅', hint: '请确认取号机所在派出所的单位代码。' },
  QUEUE_GROUP_UNKNOWN: { title: '没有这个业务分组', hint: '请从屏幕上的业务分组中选择。' },
  QUEUE_GROUP_INVALID: { title: '业务分组设置有误', hint: '分组前缀须为一个大写字母，且本所内不重复。' },
  QUEUE_ITEM_NOT_SERVED: { title: '本大厅没有办理该事项的分组', hint: '请选择业务分组取号，或咨询导办人员。' },
  QUEUE_PRIORITY_REASON_UNKNOWN: { title: '没有这个绿色通道类别', hint: '请从 70 岁以上老人、残疾人、孕妇、现役军人中选择。' },
  QUEUE_WINDOW_NOT_FOUND: { title: '没有这个窗口', hint: '请刷新后从窗口列表中选择。' },
  QUEUE_WINDOW_NUMBER_TAKEN: { title: '窗口号已存在', hint: '本所已有这个窗口号，请换一个号码。' },
  QUEUE_WINDOW_OTHER_STATION: { title: '不是本所的窗口', hint: '只能在本单位大厅的窗口签到和叫号。' },
  QUEUE_WINDOW_PAUSED: { title: '窗口暂停服务中', hint: '请先恢复服务，再呼叫下一位。' },
  QUEUE_WINDOW_CLOSED: { title: '窗口已关闭', hint: '请先开放窗口。' },
  QUEUE_WINDOW_BUSY: { title: '当前号还未办结', hint: '请先办结、过号或转出当前号，再呼叫下一位。' },
  QUEUE_WINDOW_OCCUPIED: { title: '窗口已有人签到', hint: '该窗口已由其他工作人员签到，请选择其他窗口。' },
  QUEUE_PAUSE_REASON_REQUIRED: { title: '请填写暂停原因', hint: '暂停服务须写明原因，大厅屏幕将显示"暂停服务"。' },
  QUEUE_NOT_AT_WINDOW: { title: '您还未在窗口签到', hint: '请在叫号工作台（Alt+W）选择窗口签到。' },
  QUEUE_GROUP_NOT_SERVED: { title: '本窗口不办理该分组业务', hint: '请转到办理该业务的窗口，或调整本窗口的业务分组。' },
  QUEUE_TICKET_NOT_FOUND: { title: '没有这个排队号', hint: '请刷新后重试。' },
  QUEUE_TICKET_INVALID_STATE: { title: '该号当前状态不能这样操作', hint: '请刷新查看该号的最新状态。' },
  QUEUE_RECALL_LIMIT: { title: '已达重呼次数上限', hint: '群众仍未到窗口的，请按"过号"。' },
  QUEUE_RECALLS_REMAINING: { title: '还不能过号', hint: '请先重呼，重呼次数达到规定后才能过号。' },
  QUEUE_TRANSFER_TARGET_INVALID: { title: '转出目标无效', hint: '请选择本所另一个窗口，或一个业务分组。' },
};
