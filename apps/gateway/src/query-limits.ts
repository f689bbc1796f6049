import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { BREAK, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql';
import { queryLimitError } from './graphql-errors.js';

/** The gateway's limits on one GraphQL document (GatewayConfig MAX_QUERY_*). */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/**
 * Fields that look a person up by ID number: each is a register query in a subgraph and an audit
 * row, and many of them in one document are how ID numbers are probed. They cost more.
 */
export const PERSON_LOOKUP_FIELDS: ReadonlySet<string> = new Set(['registerCheck', 'citizen', 'person', 'publicSecurityCitizen', 'residencePermits', 'violations']);
export const PERSON_LOOKUP_COST = 10;

/** Page-size arguments: a list field costs its children once per requested item. */
const PAGE_SIZE_ARGS = ['first', 'limit'] as const;

/**
 * Cost of a field: 1 (PERSON_LOOKUP_COST for a person lookup) plus its children, multiplied by
 * the page size it asks for (`first` / `limit`), so `persons(limit: 500) { … }` costs what 500
 * separate reads cost.
 */
export const listSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = PERSON_LOOKUP_FIELDS.has(field.name) ? PERSON_LOOKUP_COST : 1;
  const size = PAGE_SIZE_ARGS.map((a) => args[a]).find((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return (own + childComplexity) * Math.max(1, size ?? 1);
};

/**
 * graphql-armor's rules report in English; each refusal here is reported again as the gateway's
 * typed, Chinese error (QUERY_TOO_DEEP, QUERY_TOO_MANY_ALIASES, QUERY_TOO_MANY_DIRECTIVES).
 */
function armorRule(
  make: (options: { n: number; propagateOnRejection: false; onReject: ((ctx: ValidationContext | null, error: GraphQLError) => void)[] }) => ValidationRule,
  n: number,
  refusal: () => GraphQLError,
): ValidationRule {
  const rule = make({
    n,
    propagateOnRejection: false,
    onReject: [
      (ctx) => {
        const error = refusal();
        ctx?.reportError(new GraphQLError(error.message, { extensions: error.extensions }));
      },
    ],
  });
  return rule;
}

/** Validation rules: refused before the gateway plans the query, so no subgraph is called. */
export function queryLimitRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [
    armorRule((o) => maxDepthRule({ ...o, ignoreIntrospection: true, flattenFragments: true }) as ValidationRule, limits.maxDepth, () => queryLimitError('QUERY_TOO_DEEP', limits.maxDepth)),
    armorRule((o) => maxAliasesRule(o) as ValidationRule, limits.maxAliases, () => queryLimitError('QUERY_TOO_MANY_ALIASES', limits.maxAliases)),
    armorRule((o) => maxDirectivesRule(o) as ValidationRule, limits.maxDirectives, () => queryLimitError('QUERY_TOO_MANY_DIRECTIVES', limits.maxDirectives)),
  ];
}

/** Kept for callers of the former depth-only rule. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return queryLimitRules({ maxDepth, maxAliases: Number.MAX_SAFE_INTEGER, maxDirectives: Number.MAX_SAFE_INTEGER })[0]!;
}

/**
 * Token limit (graphql-armor's counting lexer), checked on the raw source before Apollo parses it,
 * so a huge document costs a bounded amount of work. A document that is malformed but short is
 * left to Apollo's parser, which reports it as GRAPHQL_PARSE_FAILED.
 */
export function assertTokenLimit(source: string, maxTokens: number): void {
  // The counter UI sends a handful of documents over and over: one that passed is not lexed again.
  const passed = passedTokenLimit.get(maxTokens);
  if (passed?.has(source)) return;
  checkTokenLimit(source, maxTokens);
  remember(passedTokenLimit, maxTokens, source);
}

/** Documents (by source text) known to be within a token limit, per limit; bounded, oldest dropped first. */
const passedTokenLimit = new Map<number, Set<string>>();
const MAX_REMEMBERED_DOCUMENTS = 1000;
const MAX_REMEMBERED_SOURCE = 20_000;

function remember(cache: Map<number, Set<string>>, limit: number, source: string): void {
  if (source.length > MAX_REMEMBERED_SOURCE) return;
  let set = cache.get(limit);
  if (!set) cache.set(limit, (set = new Set()));
  if (set.size >= MAX_REMEMBERED_DOCUMENTS) set.delete(set.values().next().value as string);
  set.add(source);
}

function checkTokenLimit(source: string, maxTokens: number): void {
  const refusal = queryLimitError('QUERY_TOO_LARGE', maxTokens);
  const parser = new MaxTokensParserWLexer(source, {
    n: maxTokens,
    propagateOnRejection: false,
    onReject: [
      () => {
        throw refusal;
      },
    ],
  });
  try {
    parser.parseDocument();
  } catch (err) {
    if (err === refusal) throw refusal;
  }
}

export function assertComplexity(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, max: number, operationName?: string): void {
  const complexity = costOf(schema, query, variables, operationName);
  if (complexity > max) {
    throw new GraphQLError(`查询范围过大（复杂度 ${complexity}，上限 ${max}），请缩小查询条件或减少每页条数后重试。`, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
  }
}

/**
 * Cost of an operation. When no page-size argument (`first`, `limit`) of the document is a
 * variable, the cost does not depend on the variables: it is computed once per parsed document
 * (Apollo hands the same DocumentNode for the same source) and schema, not per request.
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
function costOf(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  const compute = () => getComplexity({ schema, query, variables, operationName, estimators: [listSizeEstimator] });
  if (pageSizeFromVariables(query)) return compute();
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let byOperation = bySchema.get(query);
  if (!byOperation) bySchema.set(query, (byOperation = new Map()));
  const key = operationName ?? '';
  let cost = byOperation.get(key);
  if (cost === undefined) byOperation.set(key, (cost = compute()));
  return cost;
}

const variablePageSizes = new WeakMap<DocumentNode, boolean>();
/** Whether any `first` / `limit` argument in the document takes its value from a variable. */
export function pageSizeFromVariables(document: DocumentNode): boolean {
  let found = variablePageSizes.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Argument(arg) {
        if ((PAGE_SIZE_ARGS as readonly string[]).includes(arg.name.value) && containsVariable(arg.value)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    variablePageSizes.set(document, found);
  }
  return found;
}

function containsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(containsVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((f) => containsVariable(f.value));
  return false;
}

/**
 * Cost needs the operation's variables (a page size is usually one), so it runs once the
 * operation is resolved (the graphql-query-complexity recommended placement), still before any
 * subgraph is called.
 */
export function complexityPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          assertComplexity(schema, document, request.variables ?? {}, max, request.operationName ?? undefined);
        },
      };
    },
  };
}
