/** Error codes of 上门服务 home visits and 首问责任 first-inquiry records (issue 11); spread into ERROR_CODES. */
export const HOME_VISIT_ERROR_CODES = [] as const;
