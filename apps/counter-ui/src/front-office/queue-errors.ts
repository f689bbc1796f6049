import type { QUEUE_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the queue error codes (issue 11); spread into ERROR_MESSAGES. */
export const QUEUE_ERROR_MESSAGES: Record<(typeof QUEUE_ERROR_CODES)[number], ErrorMessage> = {};
