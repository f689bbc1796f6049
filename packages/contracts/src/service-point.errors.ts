/** Error codes of 三级窗口 service points and 自助查询 self-service (issue 11); spread into ERROR_CODES. */
export const SERVICE_POINT_ERROR_CODES = [
  /** The clerk's service point may not accept this item (not delegated to its level); details name the nearest point that does. */
  'SERVICE_POINT_ITEM_NOT_DELEGATED',
  /** A figures period that is not from ≤ to, or longer than a year. */
  'SERVICE_POINT_PERIOD_INVALID',
  /** 办理进度查询: a confirmed query whose application is no longer available (never said for an unconfirmed one). */
  'PROGRESS_QUERY_UNAVAILABLE',
] as const;
