import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { CommonErrorCode, type RpcErrorBody } from '@onewindow/contracts';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { throwError } from 'rxjs';
import type { Logger } from 'pino';
import { DomainException } from './domain.exception.js';

const HTTP_MESSAGES: Record<CommonErrorCode.UNAUTHENTICATED | CommonErrorCode.FORBIDDEN | CommonErrorCode.NOT_FOUND | CommonErrorCode.VALIDATION_FAILED, string> = {
  [CommonErrorCode.UNAUTHENTICATED]: '未登录或登录已失效，请重新登录。',
  [CommonErrorCode.FORBIDDEN]: '无权执行此操作，如需办理请联系有权限的民警。',
  [CommonErrorCode.NOT_FOUND]: '未找到请求的内容，请核对地址或编号后重试。',
  [CommonErrorCode.VALIDATION_FAILED]: '请求格式不正确，请核对后重新提交。',
};

// 57P03 the server is starting up; 53300 its connection slots are all taken (refused at connect).
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', '57P03', '53300']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02']);

/**
 * Whether an error means the database could not be reached: NOT_DONE when no connection was
 * made (nothing was written), UNKNOWN when one broke mid-statement (a COMMIT may have landed).
 * Looks through TypeORM's QueryFailedError (`driverError`) and `cause`.
 */
export function databaseOutage(exception: unknown): 'NOT_DONE' | 'UNKNOWN' | undefined {
  for (let e = exception, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    const code = typeof err.code === 'string' ? err.code : '';
    const message = typeof err.message === 'string' ? err.message : '';
    if (REFUSED.has(code) || /timeout exceeded when trying to connect/i.test(message)) return 'NOT_DONE';
    if (DROPPED.has(code) || code.startsWith('08') || /Connection terminated|Client has encountered a connection error|Connection is not open|terminating connection/i.test(message)) return 'UNKNOWN';
    e = err.driverError ?? err.cause;
  }
  return undefined;
}

/** Maps any thrown value to the wire error body. Unknown errors are logged with an id and hidden. */
export function toErrorBody(exception: unknown, logger?: Logger): RpcErrorBody {
  if (exception instanceof DomainException) return exception.toRpc();
  if (exception instanceof GraphQLError && typeof exception.extensions?.code === 'string') {
    return { code: exception.extensions.code, message: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      status === 401 ? CommonErrorCode.UNAUTHENTICATED
      : status === 403 ? CommonErrorCode.FORBIDDEN
      : status === 404 ? CommonErrorCode.NOT_FOUND
      : status === 400 ? CommonErrorCode.VALIDATION_FAILED
      : CommonErrorCode.INTERNAL;
    // Nest's own messages ("Forbidden resource", "Cannot GET /x") are English: say it in Chinese.
    if (code !== CommonErrorCode.INTERNAL) return { code, message: HTTP_MESSAGES[code] };
  }
  const outage = databaseOutage(exception);
  if (outage) {
    // The service's PostgreSQL is gone (stopped, failing over, network): a typed, retryable answer, not INTERNAL.
    logger?.warn({ outcome: outage }, 'database unavailable');
    return DomainException.unavailable(
      outage === 'NOT_DONE' ? '数据库暂时不可用，本次操作未执行，请稍后重试。' : '数据库连接中断，办理结果未知，请先查看办理结果后再重试。',
      outage,
    ).toRpc();
  }
  const errorId = randomUUID();
  logger?.error({ err: exception, errorId }, 'unhandled error');
  return { code: CommonErrorCode.INTERNAL, message: `系统内部错误，请联系运维人员（错误编号 ${errorId}）`, details: { errorId } };
}

/**
 * One global filter for every transport: GraphQL gets a GraphQLError with `extensions.code`,
 * NATS gets an error reply `{ code, message }`, HTTP gets JSON. Internals never leak.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const body = toErrorBody(exception, this.logger);
    const type = host.getType<'http' | 'rpc' | 'graphql'>();
    if (type === 'rpc') return throwError(() => body);
    if (type === 'graphql') {
      return new GraphQLError(body.message, { extensions: { code: body.code, details: body.details } });
    }
    const res = host.switchToHttp().getResponse<{ status(n: number): { json(b: unknown): void } }>();
    const status = body.code === CommonErrorCode.UNAUTHENTICATED ? 401 : body.code === CommonErrorCode.FORBIDDEN ? 403 : body.code === CommonErrorCode.NOT_FOUND ? 404 : body.code === CommonErrorCode.VALIDATION_FAILED ? 400 : 500;
    res.status(status).json({ error: body });
    return undefined;
  }
}
