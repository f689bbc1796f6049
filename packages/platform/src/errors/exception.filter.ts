import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { CommonErrorCode, type RpcErrorBody } from '@onewindow/contracts';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { throwError } from 'rxjs';
import type { Logger } from 'pino';
import { DomainException } from './domain.exception.js';

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
    if (code !== CommonErrorCode.INTERNAL) return { code, message: exception.message };
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
