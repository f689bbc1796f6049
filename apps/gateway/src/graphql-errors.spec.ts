import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { depthLimitRule } from './query-limits.js';
import { translateGraphQLError, translateUserInput, translateValidation } from './graphql-errors.js';

const LATIN_SENTENCE = /[A-Za-z]{2,}(?:[,.;:]?\s+[A-Za-z]{2,}){2,}/;
const CJK = /[\u4e00-\u9fff]/;

const chinese = (s: string) => {
  expect(s).toMatch(CJK);
  expect(s).not.toMatch(LATIN_SENTENCE);
  expect(s).toMatch(/请/);
};

describe('graphql-js errors in Chinese with a typed code', () => {
  it('variable coercion (BAD_USER_INPUT) names the field and what to do', () => {
    const cases: [string, string][] = [
      ['Variable "$limit" got invalid value "abc"; Int cannot represent non-integer value: "abc"', '每页条数应为整数，请修改后重新提交。'],
      ['Variable "$purpose" of required type "String!" was not provided.', '请填写查询事由后重新提交。'],
      ['Variable "$input" got invalid value { itemCode: "X" }; Field "applicantIdNumber" of required type "String!" was not provided.', '申请人身份证号码'],
      ['Variable "$input" got invalid value { foo: 1 }; Field "foo" is not defined by type "AcceptApplicationInput".', '不能提交'],
      ['Variable "$policeType" got invalid value "POLICE"; Value "POLICE" does not exist in "PoliceType" enum.', '警种不是可选的值'],
      ['Variable "$dueDate" got invalid value "2026/1/1"; 日期格式应为 YYYY-MM-DD：2026/1/1', '补交日期日期格式应为 YYYY-MM-DD'],
      ['Something nobody anticipated happened here', '填写的内容格式不正确'],
    ];
    for (const [english, expected] of cases) {
      const text = translateUserInput(english);
      chinese(text);
      expect(text).toContain(expected);
    }
  });

  it('validation (an old page asking for a field that is gone)', () => {
    for (const m of ['Cannot query field "foo" on type "Query".', 'Unknown argument "bar" on field "Query.me".', 'Field "Query.person" argument "purpose" of type "String!" is required, but it was not provided.', 'Fragment cycles are not allowed here at all']) {
      chinese(translateValidation(m));
    }
  });

  it('the formatError step keeps the code, replaces the message, keeps the English only outside production', () => {
    const f = translateGraphQLError({ message: 'Syntax Error: Unexpected Name "quer".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, undefined, false);
    chinese(f.message);
    expect(f.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', reason: 'Syntax Error: Unexpected Name "quer".' });
    const p = translateGraphQLError({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, undefined, true);
    chinese(p.message);
    expect(p.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    for (const code of ['BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']) {
      chinese(translateGraphQLError({ message: 'This operation has been blocked as a potential CSRF', extensions: { code } }, undefined, true).message);
    }
    // The gateway's executor reports variable coercion without a code: still BAD_USER_INPUT.
    const coercion = translateGraphQLError({ message: 'Variable "$idNumber" got invalid value 42; String cannot represent a non string value: 42', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, undefined, true);
    expect(coercion).toMatchObject({ message: '身份证号码应为文字，请修改后重新提交。', extensions: { code: 'BAD_USER_INPUT' } });
    // Domain errors from the subgraphs pass unchanged.
    const domain = { message: '人口信息库中查无此人', extensions: { code: 'PERSON_NOT_FOUND' } };
    expect(translateGraphQLError(domain, undefined, true)).toEqual(domain);
  });

  it('the depth limit keeps QUERY_TOO_DEEP through Apollo’s GRAPHQL_VALIDATION_FAILED wrapping', () => {
    const schema = buildSchema('type Node { child: Node name: String } type Query { root: Node }');
    const [depthError] = validate(schema, parse('{ root { child { child { child { name } } } } }'), [depthLimitRule(2)]);
    chinese(depthError!.message);
    // What Apollo Server hands to formatError: its own wrapper, the rule's error as originalError.
    const wrapper = new GraphQLError(depthError!.message, { originalError: depthError, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const f = translateGraphQLError({ message: wrapper.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapper, true);
    expect(f.extensions?.['code']).toBe('QUERY_TOO_DEEP');
    expect(f.message).toBe(depthError!.message);
  });
});
