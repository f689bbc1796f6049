import type { APPOINTMENT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the appointment error codes (issue 11); spread into ERROR_MESSAGES. */
export const APPOINTMENT_ERROR_MESSAGES: Record<(typeof APPOINTMENT_ERROR_CODES)[number], ErrorMessage> = {};
