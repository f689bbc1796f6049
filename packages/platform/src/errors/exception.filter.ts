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
