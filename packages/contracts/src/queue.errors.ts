/** Error codes of 排队叫号 (queue tickets and windows) (issue 11); spread into ERROR_CODES. */
export const QUEUE_ERROR_CODES = [] as const;
