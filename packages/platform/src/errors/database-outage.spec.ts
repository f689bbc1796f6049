import { databaseOutage, toErrorBody } from './exception.filter.js';

describe('databaseOutage', () => {
  const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

  it('a refused connection: nothing was done', () => {
    expect(databaseOutage(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('NOT_DONE');
    expect(databaseOutage(new Error('timeout exceeded when trying to connect'))).toBe('NOT_DONE');
    expect(databaseOutage(withCode('the database system is starting up', '57P03'))).toBe('NOT_DONE');
    expect(databaseOutage(withCode('remaining connection slots are reserved for non-replication superuser connections', '53300'))).toBe('NOT_DONE');
  });

  it('a connection lost mid-statement: the outcome is unknown (also inside a QueryFailedError)', () => {
    expect(databaseOutage(new Error('Connection terminated unexpectedly'))).toBe('UNKNOWN');
    expect(databaseOutage(withCode('terminating connection due to administrator command', '57P01'))).toBe('UNKNOWN');
    expect(databaseOutage(Object.assign(new Error('query failed'), { driverError: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe('UNKNOWN');
  });

  it('other errors are not outages', () => {
    expect(databaseOutage(withCode('duplicate key value violates unique constraint', '23505'))).toBeUndefined();
    expect(databaseOutage(new Error('boom'))).toBeUndefined();
    expect(databaseOutage(undefined)).toBeUndefined();
  });

  it('maps to SERVICE_UNAVAILABLE with a Chinese message and the outcome', () => {
    const body = toErrorBody(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'));
    expect(body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { outcome: 'NOT_DONE' } });
    expect(body.message).toMatch(/数据库/);
  });
});
