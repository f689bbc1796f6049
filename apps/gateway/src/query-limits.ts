import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { queryTooDeep } from './graphql-errors.js';

/**
 * Depth limit as a validation rule: refused before the gateway plans the query, with a Chinese
 * message and the typed code QUERY_TOO_DEEP (graphql-depth-limit reports in English).
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  const rule = depthLimit(maxDepth) as ValidationRule;
  return (context: ValidationContext) => {
    const chinese = Object.create(context) as ValidationContext;
    chinese.reportError = (error: GraphQLError) => {
      const refusal = queryTooDeep(maxDepth);
      context.reportError(new GraphQLError(refusal.message, { nodes: error.nodes, extensions: refusal.extensions }));
    };
    return rule(chinese);
  };
}

export function assertComplexity(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, max: number, operationName?: string): void {
  const complexity = getComplexity({ schema, query, variables, operationName, estimators: [simpleEstimator({ defaultComplexity: 1 })] });
  if (complexity > max) {
    throw new GraphQLError(`查询范围过大（复杂度 ${complexity}，上限 ${max}），请缩小查询条件或减少每页条数后重试。`, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
  }
}

/**
 * Complexity needs the operation's variables, so it runs once the operation is resolved (the
 * graphql-query-complexity recommended placement), still before any subgraph is called.
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
