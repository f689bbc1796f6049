import { chinaToday, formatDateTime } from './china-time';

/** Shared formatting of the 月报报送 and 全市汇总 screens. */
export const percent = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
export const oneDecimal = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(1));
export const dateTime = (v: string | null | undefined) => (v ? formatDateTime(v) : '—');
/** Last month: the newest month that can be closed. */
export const lastMonth = () => chinaToday().subtract(1, 'month').format('YYYY-MM');

export const PUSH_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  PENDING: { text: '待报送 / 重试中', color: 'gold' },
  DELIVERED: { text: '市局已接收', color: 'green' },
  REFUSED: { text: '市局拒收', color: 'red' },
};

