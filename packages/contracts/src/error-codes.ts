/**
 * Error codes shared across transports. GraphQL puts them in `extensions.code`; NATS replies carry
 * them in `err.code`. Feature-specific codes live in each feature's exception enum and are plain
 * strings on the wire.
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  OUT_OF_JURISDICTION = 'OUT_OF_JURISDICTION',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** Wire shape of an error reply over NATS request/reply. */
export interface RpcErrorBody {
  code: string;
  message: string;
  details?: unknown;
}
