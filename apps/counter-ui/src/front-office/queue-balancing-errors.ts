import type { QUEUE_BALANCING_ERROR_CODES } from '@onewindow/contracts';
import type { ErrorMessage } from '../errors.js';

/** Chinese messages for the queue-balancing error codes (issue 11); spread into ERROR_MESSAGES. */
export const QUEUE_BALANCING_ERROR_MESSAGES: Record<(typeof QUEUE_BALANCING_ERROR_CODES)[number], ErrorMessage> = {};
