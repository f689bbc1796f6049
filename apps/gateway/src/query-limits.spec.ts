import { buildSchema, parse, validate } from 'graphql';
import { assertComplexity, depthLimitRule } from './query-limits.js';

const schema = buildSchema(`
  type Node { name: String child: Node children(first: Int): [Node] }
  type Query { root(id: String!): Node }
`);

describe('gateway query limits', () => {
  it('accepts a query within the depth limit', () => {
    expect(validate(schema, parse('{ root(id: "a") { child { name } } }'), [depthLimitRule(4)])).toEqual([]);
  });

  it('refuses a query deeper than the limit', () => {
    const errors = validate(schema, parse('{ root(id: "a") { child { child { child { child { child { name } } } } } } }'), [depthLimitRule(4)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^查询层级过深（超过 4 层）/);
    expect(errors[0]!.extensions['code']).toBe('QUERY_TOO_DEEP');
  });

  it('measures complexity with the operation variables and refuses with a typed code', () => {
    const ok = parse('query($id: String!) { root(id: $id) { name } }');
    expect(() => assertComplexity(schema, ok, { id: 'x' }, 50)).not.toThrow();
    const wide = parse(`query($id: String!) { root(id: $id) { ${Array.from({ length: 60 }, (_, i) => `a${i}: name`).join(' ')} } }`);
    try {
      assertComplexity(schema, wide, { id: 'x' }, 50);
      throw new Error('expected refusal');
    } catch (err) {
      expect((err as Error).message).toMatch(/^查询范围过大（复杂度 \d+，上限 50），请缩小查询条件/);
      expect((err as { extensions: Record<string, unknown> }).extensions['code']).toBe('QUERY_TOO_COMPLEX');
    }
  });
});
