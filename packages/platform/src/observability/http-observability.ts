import type { ApolloServerPlugin } from '@apollo/server';
import { Controller, Get, Headers, HttpException, HttpStatus, Injectable, type NestMiddleware, Res, type Type } from '@nestjs/common';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/decorators.js';
import { graphqlDuration, graphqlRequests, metricsText, operationLabel } from './metrics.js';
import { tracer, tracingEnabled } from './tracing.js';

type Req = { method?: string; headers: Record<string, string | string[] | undefined> };
type Res = { statusCode: number; once(event: 'finish' | 'close', fn: () => void): unknown };

/**
 * The server span of an HTTP request to /graphql, continuing the caller's W3C `traceparent` (the
 * gateway's subgraph fetches carry it; the UI may start one). Applied as Nest middleware, i.e.
 * after the body parser, so the whole GraphQL execution runs inside the span's context.
 */
@Injectable()
export class HttpTraceMiddleware implements NestMiddleware {
  use(req: Req, res: Res, next: (err?: unknown) => void): void {
    if (!tracingEnabled()) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers, {
      get: (c, k) => {
        const v = c[k];
        return Array.isArray(v) ? v[0] : v;
      },
      keys: (c) => Object.keys(c),
    });
    const span = tracer.startSpan(`${req.method ?? 'POST'} /graphql`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'POST', 'url.path': '/graphql' } }, parent);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), () => next());
  }
}

/**
 * Request rate and latency per operation name, for the gateway and every subgraph, and the
 * operation's name on the request's span. Only the operation name is used: never variables.
 */
export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = 'anonymous';
      let failed = false;
      return Promise.resolve({
        didResolveOperation(ctx) {
          operation = operationLabel(ctx.operationName ?? ctx.request.operationName);
          trace.getActiveSpan()?.updateName(`graphql ${operation}`);
          trace.getActiveSpan()?.setAttribute('graphql.operation.name', operation);
          return Promise.resolve();
        },
        didEncounterErrors() {
          failed = true;
          return Promise.resolve();
        },
        willSendResponse(ctx) {
          if (operation === 'anonymous' && ctx.request.operationName) operation = operationLabel(ctx.request.operationName);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          graphqlRequests.inc({ operation, outcome: failed ? 'error' : 'ok' });
          graphqlDuration.observe({ operation }, seconds);
          return Promise.resolve();
        },
      });
    },
  };
}

export interface MetricsAccess {
  /** Bearer token a scraper must send; unset = no token asked. */
  token?: string;
  /** In production /metrics is off unless a token is configured (it is an ops endpoint). */
  production: boolean;
}

/**
 * `GET /metrics` (Prometheus text). Who may reach it: with METRICS_TOKEN set, only a scraper sending
 * `Authorization: Bearer <token>`; without it, anyone who reaches the port in demo/test (loopback by
 * default), and nobody in production (404). Labels hold operation names and subjects only.
 */
export function createMetricsController(access: MetricsAccess): Type<unknown> {
  const expected = access.token ? Buffer.from(`Bearer ${access.token}`) : undefined;
  @Controller('metrics')
  class MetricsController {
    @Public()
    @Get()
    async metrics(@Headers('authorization') authorization: string | undefined, @Res() res: { setHeader(k: string, v: string): void; send(b: string): void }): Promise<void> {
      if (!expected && access.production) throw new HttpException('Not Found', HttpStatus.NOT_FOUND);
      if (expected) {
        const given = Buffer.from(authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpException('Unauthorized', HttpStatus.UNAUTHORIZED);
      }
      const { contentType, body } = await metricsText();
      res.setHeader('Content-Type', contentType);
      res.send(body);
    }
  }
  return MetricsController;
}
