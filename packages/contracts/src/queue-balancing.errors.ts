/** Error codes of 忙闲调配 and queue figures (issue 11); spread into ERROR_CODES. */
export const QUEUE_BALANCING_ERROR_CODES = [] as const;
