import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

/** Validation rules that refuse abusive queries before the gateway plans them. */
export function queryLimitRules(maxDepth: number, maxComplexity: number): ValidationRule[] {
  return [
    depthLimit(maxDepth) as ValidationRule,
    createComplexityRule({
      maximumComplexity: maxComplexity,
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
      createError: (max: number, actual: number) =>
        new GraphQLError(`查询过于复杂（${actual} > ${max}）`, { extensions: { code: 'QUERY_TOO_COMPLEX' } }),
    }),
  ];
}
