/** Chinese labels of 排队叫号. */
export const WINDOW_STATE_LABELS: Record<string, string> = { OPEN: '开放', PAUSED: '暂停服务', CLOSED: '关闭' };
export const WINDOW_STATE_COLORS: Record<string, string> = { OPEN: 'green', PAUSED: 'orange', CLOSED: 'default' };
export const TICKET_STATE_LABELS: Record<string, string> = { WAITING: '等候', CALLED: '已呼叫', SERVING: '办理中', FINISHED: '办结', NO_SHOW: '过号' };
export const TICKET_STATE_COLORS: Record<string, string> = { WAITING: 'blue', CALLED: 'gold', SERVING: 'green', FINISHED: 'default', NO_SHOW: 'red' };
export const TICKET_SOURCE_LABELS: Record<string, string> = { KIOSK: '取号机', CLERK: '窗口代取', APPOINTMENT: '预约签到' };
export const PAUSE_REASONS = ['午间休息', '临时离岗', '业务培训', '系统故障'];

/** The clerk's queue-bar keys (F-keys: the Alt+ letters are the menu's). */
export const QUEUE_KEYS = { callNext: 'F2', recall: 'F3', start: 'F4', finish: 'F7', noShow: 'F8', transfer: 'F9', pause: 'F10' } as const;

/** What the hall display says aloud for a call. */
export function callAnnouncement(number: string, windowNumber: number): string {
  return `请 ${number} 号到 ${windowNumber} 号窗口办理`;
}
