import type { SERVICE_POINT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the service-point error codes (issue 11); spread into ERROR_MESSAGES. */
export const SERVICE_POINT_ERROR_MESSAGES: Record<(typeof SERVICE_POINT_ERROR_CODES)[number], ErrorMessage> = {};
