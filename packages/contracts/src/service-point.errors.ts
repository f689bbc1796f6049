/** Error codes of 三级窗口 service points and 自助查询 self-service (issue 11); spread into ERROR_CODES. */
export const SERVICE_POINT_ERROR_CODES = [] as const;
