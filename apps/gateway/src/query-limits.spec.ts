import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, Kind, parse, typeFromAST, validate,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLInputType, type OperationDefinitionNode,
} from 'graphql';
import { GatewayConfig } from './config.js';
import { assertComplexity, assertTokenLimit, queryLimitRules } from './query-limits.js';

const schema = buildSchema(`
  type Node { name: String child: Node children(first: Int): [Node] }
  type Query { root(id: String!): Node registerCheck(idNumber: String!): Node nodes(limit: Int! = 50): [Node!]! }
`);
const rules = queryLimitRules({ maxDepth: 4, maxAliases: 15, maxDirectives: 5 });
const codeOf = (err: unknown) => (err as { extensions?: Record<string, unknown> }).extensions?.['code'];
const refusal = (fn: () => void): GraphQLError => {
  try {
    fn();
  } catch (err) {
    return err as GraphQLError;
  }
  throw new Error('expected a refusal');
};

describe('gateway query limits', () => {
  it('accepts a query within the depth limit', () => {
    expect(validate(schema, parse('{ root(id: "a") { child { name } } }'), rules)).toEqual([]);
  });

  it('refuses a query deeper than the limit', () => {
    const errors = validate(schema, parse('{ root(id: "a") { child { child { child { child { child { name } } } } } } }'), rules);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^查询层级过深（超过 4 层）/);
    expect(errors[0]!.extensions['code']).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases (300 aliased register checks) with a typed Chinese error', () => {
    const probe = `{ ${Array.from({ length: 300 }, (_, i) => `c${i}: registerCheck(idNumber: "x${i}") { name }`).join(' ')} }`;
    const errors = validate(schema, parse(probe), rules);
    expect(errors.map((e) => e.extensions['code'])).toEqual(['QUERY_TOO_MANY_ALIASES']);
    expect(errors[0]!.message).toMatch(/^一次请求中的查询项过多（别名超过 15 个）/);
    expect(validate(schema, parse(`{ ${Array.from({ length: 15 }, (_, i) => `c${i}: registerCheck(idNumber: "x") { name }`).join(' ')} }`), rules)).toEqual([]);
  });

  it('refuses too many directives', () => {
    const errors = validate(schema, parse(`{ root(id: "a") { name ${'@include(if: true) '.repeat(6)} } }`), rules);
    expect(errors.map((e) => e.extensions['code'])).toEqual(['QUERY_TOO_MANY_DIRECTIVES']);
  });

  it('refuses a document with too many tokens before it is parsed, and leaves syntax errors to the parser', () => {
    const err = refusal(() => assertTokenLimit(`{ ${'root(id: "a") { name } '.repeat(200)} }`, 500));
    expect(codeOf(err)).toBe('QUERY_TOO_LARGE');
    expect(err.message).toMatch(/^请求内容过长（超过 500 个词元）/);
    expect(() => assertTokenLimit('{ root(id: "a") { name } }', 500)).not.toThrow();
    expect(() => assertTokenLimit('{ root(', 500)).not.toThrow();
  });

  it('measures cost with the operation variables, multiplied by the page size, and refuses with a typed code', () => {
    const page = parse('query($n: Int!) { nodes(limit: $n) { name child { name } } }');
    expect(() => assertComplexity(schema, page, { n: 10 }, 50)).not.toThrow(); // 10 × (1 + 3) = 40
    const err = refusal(() => assertComplexity(schema, page, { n: 20 }, 50)); // 80
    expect(err.message).toMatch(/^查询范围过大（复杂度 80，上限 50），请缩小查询条件/);
    expect(codeOf(err)).toBe('QUERY_TOO_COMPLEX');
    // A person lookup costs 10: 15 of them (within the alias limit) are 165.
    const lookups = parse(`{ ${Array.from({ length: 15 }, (_, i) => `c${i}: registerCheck(idNumber: "x") { name }`).join(' ')} }`);
    expect(codeOf(refusal(() => assertComplexity(schema, lookups, {}, 160)))).toBe('QUERY_TOO_COMPLEX');
  });
});

/** Every operation the counter UI sends (apps/counter-ui/src/graphql), with its fragments. */
function uiOperations(): { name: string; document: DocumentNode }[] {
  const dir = fileURLToPath(new URL('../../counter-ui/src/graphql/', import.meta.url));
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(dir + f, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]!));
  const definitions = sources.flatMap((s) => parse(s).definitions);
  const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name?.value ?? '?', document: { kind: Kind.DOCUMENT, definitions: [op, ...fragments] } }));
}

/** A valid value of an input type (required fields only), so the operation's variables coerce. */
function sampleOf(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType, name);
  if (isListType(type)) return [sampleOf(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleOf(f.type, f.name)]));
  if (isScalarType(type) && type.name === 'Int') return /^(limit|first)$/.test(name) ? 200 : 1; // page sizes at the most a resolver accepts
  if (isScalarType(type) && type.name === 'Float') return 1;
  if (isScalarType(type) && type.name === 'Boolean') return true;
  return '2026-01-01';
}

describe('the default limits let every operation of the counter UI through', () => {
  const config = new GatewayConfig();
  const limits = config.queryLimits();
  const api = buildSchema(readFileSync(fileURLToPath(new URL('../../counter-ui/schema.graphql', import.meta.url)), 'utf8'));
  const operations = uiOperations();

  it('finds the UI operations', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it.each(operations.map((o) => [o.name, o.document] as const))('%s', (_name, document) => {
    const op = document.definitions[0] as OperationDefinitionNode;
    expect(validate(api, document, queryLimitRules(limits))).toEqual([]);
    const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sampleOf(typeFromAST(api, v.type as never) as GraphQLInputType, v.variable.name.value)]));
    expect(() => assertComplexity(api, document, variables, limits.maxCost, op.name?.value)).not.toThrow();
  });
});
