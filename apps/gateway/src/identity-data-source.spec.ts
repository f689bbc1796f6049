import { errorFromSubgraphAnswer } from './identity-data-source.js';

describe('errorFromSubgraphAnswer', () => {
  it("passes the subgraph's first GraphQL error on (message and code)", () => {
    const e = errorFromSubgraphAnswer(400, JSON.stringify({ errors: [{ message: '日期格式不正确', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'second' }] }));
    expect(e.message).toBe('日期格式不正确');
    expect(e.extensions['code']).toBe('BAD_USER_INPUT');
  });

  it('gives a first error without a code BAD_REQUEST', () => {
    expect(errorFromSubgraphAnswer(400, '{"errors":[{"message":"x"}]}').extensions['code']).toBe('BAD_REQUEST');
  });

  it('maps a bare 401/403 to UNAUTHENTICATED/FORBIDDEN and keeps a non-JSON body for the log', () => {
    expect(errorFromSubgraphAnswer(401, 'Unauthorized').extensions['code']).toBe('UNAUTHENTICATED');
    expect(errorFromSubgraphAnswer(403, '').extensions['code']).toBe('FORBIDDEN');
    const e = errorFromSubgraphAnswer(502, '<html>bad gateway</html>');
    expect(e.message).toBe('502: subgraph answered HTTP 502');
    expect(e.extensions['code']).toBeUndefined();
    expect(e.extensions['response']).toEqual({ status: 502, body: '<html>bad gateway</html>' });
  });
});
