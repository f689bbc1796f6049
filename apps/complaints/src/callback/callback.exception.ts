import { DomainException } from '@onewindow/platform';

/** Why a 回访核实 step is refused. */
export enum CallbackErrorCode {
  CALLBACK_TASK_NOT_FOUND = 'CALLBACK_TASK_NOT_FOUND',
  /** The step is not allowed in the task's status (OPEN → CALLED_BACK → RECTIFIED | EXPLAINED; VOIDED before resolution). */
  CALLBACK_INVALID_TRANSITION = 'CALLBACK_INVALID_TRANSITION',
  /** The bad review is about the caller (回避). */
  CALLBACK_ABOUT_SELF = 'CALLBACK_ABOUT_SELF',
  REASON_REQUIRED = 'REASON_REQUIRED',
}

export class CallbackException extends DomainException {
  constructor(code: CallbackErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
