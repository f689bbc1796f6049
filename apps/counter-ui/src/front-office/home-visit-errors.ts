import type { HOME_VISIT_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the home-visit error codes (issue 11); spread into ERROR_MESSAGES. */
export const HOME_VISIT_ERROR_MESSAGES: Record<(typeof HOME_VISIT_ERROR_CODES)[number], ErrorMessage> = {};
