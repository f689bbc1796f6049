/** Chinese labels of the supervision (督察) screens. */
export const ITEM_RESULT_LABELS: Record<string, string> = { PASS: '合格', PROBLEM: '发现问题', NOT_APPLICABLE: '不适用' };
export const ITEM_RESULT_COLORS: Record<string, string> = { PASS: 'green', PROBLEM: 'red', NOT_APPLICABLE: 'default' };
export const FINDING_STATUS_LABELS: Record<string, string> = { RECTIFYING: '整改中', RECTIFIED: '已整改（待销号）', CLOSED: '已销号' };
export const FINDING_STATUS_COLORS: Record<string, string> = { RECTIFYING: 'orange', RECTIFIED: 'blue', CLOSED: 'green' };
export const DRAW_RESULT_LABELS: Record<string, string> = { PENDING: '待检查', PASS: '合格', PROBLEM: '发现问题' };
export const DRAW_RESULT_COLORS: Record<string, string> = { PENDING: 'default', PASS: 'green', PROBLEM: 'red' };
