import type { ErrorCode } from '@onewindow/contracts';
import { FIELD_LABELS } from '@onewindow/platform';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * graphql-js and Apollo Server speak English ("Cannot query field …", "Variable "$limit" got
 * invalid value …"). The gateway is where every request is parsed and validated, so it puts the
 * Chinese here: each such error keeps a typed code and gets a Chinese message that says what to
 * do. The English original stays in `extensions.reason` outside production, for developers.
 */

const REFRESH = '请刷新页面后重试；如仍出现，请联系运维人员。';

function labelOf(name: string): string {
  return FIELD_LABELS[name] ?? `“${name}”`;
}

const SCALAR_EXPECTATIONS: Record<string, string> = {
  Int: '应为整数',
  Float: '应为数字',
  String: '应为文字',
  Boolean: '应为“是”或“否”',
  ID: '应为编号',
};

/** The reason part of a variable coercion error, in Chinese. */
function coercionReason(reason: string): string {
  if (/[\u4e00-\u9fff]/.test(reason)) return reason.replace(/[。.]?$/, '');
  const scalar = reason.match(/^(Int|Float|String|Boolean|ID) cannot represent/);
  if (scalar) return SCALAR_EXPECTATIONS[scalar[1]!]!;
  const missing = reason.match(/^Field "(\w+)" of required type "[^"]+" was not provided/);
  if (missing) return `缺少必填项${labelOf(missing[1]!)}`;
  const unknown = reason.match(/^Field "(\w+)" is not defined by type/);
  if (unknown) return `不能提交${labelOf(unknown[1]!)}`;
  if (/does not exist in "\w+" enum/.test(reason)) return '不是可选的值';
  if (/^Expected type "\w+" to be an object/.test(reason)) return '格式不正确';
  return '格式不正确';
}

/** BAD_USER_INPUT from variable coercion (the values a page sent) → which field, what to do. */
export function translateUserInput(message: string): string {
  if (/[\u4e00-\u9fff]/.test(message) && !/^Variable "/.test(message)) return message;
  const invalid = message.match(/^Variable "\$(\w+)" got invalid value .*?; (?:(?:At|In field) "[^"]*": )?(.*)$/s);
  if (invalid) {
    const at = message.match(/at "\w+\.(\w+)(?:\.\w+)*"|In field "(\w+)"/);
    const field = at?.[1] ?? at?.[2] ?? invalid[1]!;
    return `${labelOf(field)}${coercionReason(invalid[2]!.trim())}，请修改后重新提交。`;
  }
  const required = message.match(/^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)/);
  if (required) return `请填写${labelOf(required[1]!)}后重新提交。`;
  return '填写的内容格式不正确，请核对后重新提交。';
}

/** GRAPHQL_VALIDATION_FAILED: the page asked for something the services do not offer (an old page). */
export function translateValidation(message: string): string {
  const field = message.match(/^Cannot query field "(\w+)" on type "(\w+)"/);
  if (field) return `服务中没有“${field[2]}.${field[1]}”字段，页面版本可能已过期，${REFRESH}`;
  const argument = message.match(/^Unknown argument "(\w+)" on field "([\w.]+)"/);
  if (argument) return `服务不接受“${argument[2]}”的参数“${argument[1]}”，页面版本可能已过期，${REFRESH}`;
  const missing = message.match(/^Field "([\w.]+)" argument "(\w+)" of type "[^"]+" is required/);
  if (missing) return `请求缺少必填参数${labelOf(missing[2]!)}，页面版本可能已过期，${REFRESH}`;
  return `请求与服务接口不一致，页面版本可能已过期，${REFRESH}`;
}

/** The gateway's own refusals of a document, before any subgraph is called (query-limits.ts). */
export type QueryLimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_MANY_ALIASES' | 'QUERY_TOO_MANY_DIRECTIVES' | 'QUERY_TOO_LARGE' | 'QUERY_TOO_COMPLEX';
export const QUERY_LIMIT_CODES: ReadonlySet<string> = new Set<QueryLimitCode>(['QUERY_TOO_DEEP', 'QUERY_TOO_MANY_ALIASES', 'QUERY_TOO_MANY_DIRECTIVES', 'QUERY_TOO_LARGE', 'QUERY_TOO_COMPLEX']);

function queryLimitMessage(code: QueryLimitCode, limit: number): string {
  switch (code) {
    case 'QUERY_TOO_DEEP':
      return `查询层级过深（超过 ${limit} 层），请缩小查询范围；如由页面发出，${REFRESH}`;
    case 'QUERY_TOO_MANY_ALIASES':
      return `一次请求中的查询项过多（别名超过 ${limit} 个），请分次查询；如由页面发出，${REFRESH}`;
    case 'QUERY_TOO_MANY_DIRECTIVES':
      return `一次请求中的指令过多（超过 ${limit} 个），请简化查询；如由页面发出，${REFRESH}`;
    case 'QUERY_TOO_LARGE':
      return `请求内容过长（超过 ${limit} 个词元），请分次查询；如由页面发出，${REFRESH}`;
    case 'QUERY_TOO_COMPLEX':
      return `查询范围过大（复杂度上限 ${limit}），请缩小查询条件或减少每页条数后重试。`;
  }
}

/** A typed, Chinese refusal of a document that exceeds one of the gateway's limits (HTTP 400). */
export function queryLimitError(code: QueryLimitCode, limit: number): GraphQLError {
  return new GraphQLError(queryLimitMessage(code, limit), { extensions: { code: code satisfies ErrorCode, http: { status: 400 } } });
}

/** Why a query was refused for its depth. */
export function queryTooDeep(maxDepth: number): GraphQLError {
  return queryLimitError('QUERY_TOO_DEEP', maxDepth);
}

const SERVICE_LABELS: Record<string, string> = {
  counter: '综合窗口业务系统',
  household: '户政业务系统',
  'exit-entry': '出入境业务系统',
  traffic: '交管业务系统',
  'public-security': '治安业务系统',
  complaints: '信访投诉业务系统',
};

/** A subgraph's name for people (`household` → 户政业务系统). */
export function serviceLabel(service: string): string {
  return SERVICE_LABELS[service] ?? '相关业务系统';
}

function originalCode(error: unknown): string | undefined {
  const original = (error as { originalError?: unknown } | undefined)?.originalError;
  const code = (original as GraphQLError | undefined)?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * The gateway's formatError step for parse, validation and input errors. Apollo Server wraps a
 * validation rule's error as GRAPHQL_VALIDATION_FAILED; the rule's own code (QUERY_TOO_DEEP, QUERY_TOO_MANY_ALIASES …) is
 * taken back from the original error.
 */
export function translateGraphQLError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const ext = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  const code = ext['code'];
  const reason = production ? {} : { reason: formatted.message };
  const rewrite = (newCode: ErrorCode, message: string): GraphQLFormattedError => ({ ...formatted, message, extensions: { ...ext, ...reason, code: newCode } });
  const limitCode = originalCode(error);
  if (limitCode && QUERY_LIMIT_CODES.has(limitCode)) return { ...formatted, extensions: { ...ext, code: limitCode } };
  // The gateway's executor coerces variables itself and reports a bad value without a code.
  if (code === 'INTERNAL_SERVER_ERROR' && /^Variable "\$\w+"/.test(formatted.message)) return rewrite('BAD_USER_INPUT', translateUserInput(formatted.message));
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
      return rewrite('GRAPHQL_PARSE_FAILED', `请求无法解析，页面版本可能已过期，${REFRESH}`);
    case 'GRAPHQL_VALIDATION_FAILED':
      return rewrite('GRAPHQL_VALIDATION_FAILED', translateValidation(formatted.message));
    case 'BAD_USER_INPUT':
      return rewrite('BAD_USER_INPUT', translateUserInput(formatted.message));
    case 'BAD_REQUEST':
      return rewrite('BAD_REQUEST', `请求格式不正确，${REFRESH}`);
    case 'PERSISTED_QUERY_NOT_FOUND':
      return rewrite('PERSISTED_QUERY_NOT_FOUND', '请求已过期，请刷新页面后重试。');
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return rewrite('PERSISTED_QUERY_NOT_SUPPORTED', `请求方式不受支持，${REFRESH}`);
    case 'OPERATION_RESOLUTION_FAILURE':
      return rewrite('OPERATION_RESOLUTION_FAILURE', `请求中找不到要执行的操作，${REFRESH}`);
    default:
      return formatted;
  }
}
