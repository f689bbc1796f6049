import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/**
 * The purpose (查询事由) of a whole GraphQL request, for the reads that take no `purpose` argument:
 * entity references (`travelDocument { holder { name } }`) and sections of the 360° view. The UI
 * sends it URI-encoded in this header with the purpose it also passes to the root field; the
 * gateway forwards it to every subgraph. Absent, the audit row says so (purpose null,
 * details.purposeSource 'none') rather than inventing one.
 */
export const PURPOSE_HEADER = 'x-onewindow-purpose';

const MAX_PURPOSE = 200;

/** The header's value decoded and trimmed; undefined when absent, empty or malformed. */
export function purposeFromHeader(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  try {
    const decoded = decodeURIComponent(value).trim();
    return decoded ? decoded.slice(0, MAX_PURPOSE) : undefined;
  } catch {
    return undefined;
  }
}

/** The request's purpose header in a resolver (GraphQL only). */
export const RequestPurpose = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  if (ctx.getType<'graphql'>() !== 'graphql') return undefined;
  const req = GqlExecutionContext.create(ctx).getContext<{ req?: { headers?: Record<string, string | string[] | undefined> } }>().req;
  return purposeFromHeader(req?.headers?.[PURPOSE_HEADER]);
});
