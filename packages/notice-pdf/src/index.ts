export { renderOneTimeNotice, ONE_TIME_NOTICE_TITLE, ONE_TIME_NOTICE_LEGAL_BASIS } from './one-time-notice.js';
export {
  renderAcceptanceReceipt,
  ACCEPTANCE_RECEIPT_TITLE,
  ACCEPTANCE_RECEIPT_LEGAL_BASIS,
  PICKUP_METHOD_LABELS,
} from './acceptance-receipt.js';
export { formatChineseDate, formatChineseDateTime, parseIsoDate } from './dates.js';
export type { ParsedDate } from './dates.js';
export { resolveFontPaths } from './fonts.js';
export type {
  AcceptanceReceiptDocument,
  MissingMaterial,
  OneTimeNoticeDocument,
  PickupMethod,
  PresentedMaterial,
  SixNotices,
  ToleratedMaterial,
} from './types.js';
