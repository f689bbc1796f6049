import { CommonErrorCode, type ErrorCode, type RpcErrorBody } from '@onewindow/contracts';

/**
 * Base of every domain error. `code` travels as GraphQL `extensions.code` and in NATS error
 * replies; `message` is shown to users (Chinese). Feature exceptions subclass it with their own
 * code enum, whose values must be members of the contracts' `ErrorCode` union (so every code has a
 * Chinese message in the counter UI).
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  toRpc(): RpcErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromRpc(body: RpcErrorBody): DomainException {
    // Peers are built against the same union; a code this build does not know (a newer peer during
    // a rolling deploy) passes through unchanged rather than being hidden.
    return new DomainException(body.code as ErrorCode, body.message, body.details);
  }

  static validation(message: string, details?: unknown) {
    return new DomainException(CommonErrorCode.VALIDATION_FAILED, message, details);
  }
  static unauthenticated(message = '未登录或登录已失效，请重新登录') {
    return new DomainException(CommonErrorCode.UNAUTHENTICATED, message);
  }
  static forbidden(message = '无权执行此操作，如需办理请联系有权限的民警') {
    return new DomainException(CommonErrorCode.FORBIDDEN, message);
  }
  static outOfJurisdiction(message = '该记录不在您的辖区范围内') {
    return new DomainException(CommonErrorCode.OUT_OF_JURISDICTION, message);
  }
  static notFound(message: string) {
    return new DomainException(CommonErrorCode.NOT_FOUND, message);
  }
  static conflict(message: string, details?: unknown) {
    return new DomainException(CommonErrorCode.CONFLICT, message, details);
  }
  /**
   * `outcome`: NOT_DONE when nothing was written (nobody listening), UNKNOWN when the other side
   * may still commit (a timeout): the UI then keeps its idempotency key and offers 查看办理结果.
   */
  static unavailable(message: string, outcome?: 'NOT_DONE' | 'UNKNOWN') {
    return new DomainException(CommonErrorCode.SERVICE_UNAVAILABLE, message, outcome ? { outcome } : undefined);
  }
}

export function isRpcErrorBody(x: unknown): x is RpcErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as RpcErrorBody).code === 'string' && typeof (x as RpcErrorBody).message === 'string';
}
