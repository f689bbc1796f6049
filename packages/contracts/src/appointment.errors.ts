/** Error codes of 预约 (appointments) (issue 11); spread into ERROR_CODES. */
export const APPOINTMENT_ERROR_CODES = [] as const;
