import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';

/** Depth limit as a validation rule: refused before the gateway plans the query. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return depthLimit(maxDepth) as ValidationRule;
}

export function assertComplexity(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, max: number, operationName?: string): void {
  const complexity = getComplexity({ schema, query, variables, operationName, estimators: [simpleEstimator({ defaultComplexity: 1 })] });
  if (complexity > max) {
    throw new GraphQLError(`查询过于复杂（${complexity} > ${max}）`, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
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
