import type { Logger } from 'pino';

/** The shape Apollo Server and Apollo Gateway log through (@apollo/utils.logger). */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * Apollo Server and Apollo Gateway log to the console unless given a logger ("Unexpected error
 * processing request: …", a subgraph's error text). Through pino, those lines are redacted like
 * every other (ID numbers, phones, tokens, driver value lists).
 */
export function apolloLogger(logger: Logger): ApolloLogger {
  const text = (m: unknown) => (m instanceof Error ? m.message : String(m));
  return {
    debug: (m) => logger.debug({ context: 'apollo' }, text(m)),
    info: (m) => logger.info({ context: 'apollo' }, text(m)),
    warn: (m) => logger.warn({ context: 'apollo' }, text(m)),
    error: (m) => logger.error({ context: 'apollo' }, text(m)),
  };
}
