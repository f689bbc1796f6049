import { GraphQLError } from 'graphql';
import { toErrorBody } from '../errors/exception.filter.js';
import type { Logger } from '../logging/logger.js';

/**
 * Field resolvers of a federated entity run without Nest's guards and exception filters, so their
 * errors are mapped here the way the platform filter maps them elsewhere: domain codes as
 * `extensions.code`, anything unknown logged with an id and hidden.
 */
export async function withMappedErrors<T>(logger: Logger, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GraphQLError) throw err;
    const body = toErrorBody(err, logger);
    throw new GraphQLError(body.message, { extensions: { code: body.code, details: body.details } });
  }
}
