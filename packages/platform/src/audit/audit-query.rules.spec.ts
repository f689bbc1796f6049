import { Role, type Identity } from '@onewindow/contracts';
import { assertAuditRange, assertAuditReader, auditScopeOf } from './audit-query.rules.js';
import { identifyingArgs, outcomeOf } from './mutation-audit.interceptor.js';
import { DomainException } from '../errors/domain.exception.js';

const who = (roles: Role[], unitCode: string): Identity => ({ sub: 's', username: 'u', displayName: 'U', roles, unitCode, unitName: '' });

describe('audit trail rules', () => {
  it('lets supervisors and admins read, nobody else', () => {
    expect(() => assertAuditReader(who([Role.SUPERVISOR], '510107'))).not.toThrow();
    expect(() => assertAuditReader(who([Role.ADMIN], '5101'))).not.toThrow();
    for (const r of [Role.CLERK, Role.OFFICER, Role.ANALYST]) expect(() => assertAuditReader(who([r], '5101'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('checks the range: from before to, at most 366 days', () => {
    const d = (s: string) => new Date(s);
    expect(() => assertAuditRange(d('2026-01-01T00:00:00Z'), d('2027-01-02T00:00:00Z'))).not.toThrow();
    expect(() => assertAuditRange(d('2026-01-02T00:00:00Z'), d('2026-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'AUDIT_RANGE_INVALID' }));
    expect(() => assertAuditRange(d('x'), d('2026-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'AUDIT_RANGE_INVALID' }));
    expect(() => assertAuditRange(d('2026-01-01T00:00:00Z'), d('2027-01-03T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'AUDIT_RANGE_TOO_LONG' }));
  });

  it('scopes by the actor unit; unit-less entries only for the city; a unit filter must lie inside', () => {
    expect(auditScopeOf(who([Role.SUPERVISOR], '510107'))).toEqual({ unitPrefix: '510107', includeUnitless: false });
    expect(auditScopeOf(who([Role.SUPERVISOR], '5101'))).toEqual({ unitPrefix: '5101', includeUnitless: true });
    expect(auditScopeOf(who([Role.SUPERVISOR], '5101'), '510104')).toEqual({ unitPrefix: '510104', includeUnitless: false });
    expect(auditScopeOf(who([Role.SUPERVISOR], '510107'), '510107001')).toEqual({ unitPrefix: '510107001', includeUnitless: false });
    expect(() => auditScopeOf(who([Role.SUPERVISOR], '510107'), '510104')).toThrow(expect.objectContaining({ code: 'OUT_OF_JURISDICTION' }));
    expect(() => auditScopeOf(who([Role.SUPERVISOR], '510107'), '5101')).toThrow(expect.objectContaining({ code: 'OUT_OF_JURISDICTION' }));
  });
});

describe('mutation audit entries', () => {
  it('keeps identifying arguments only — never passwords, codes, tokens or free text', () => {
    expect(identifyingArgs({
      input: { number: 'XF20260101000001', idNumber: '510107198804129131', accept: true, reason: '长文本', verificationCode: '123456', password: 'p', phone: '13800138000' },
      applicationNumber: 'HH1', token: 't', secret: 's', itemCode: 'HH-001', plateNumber: '川A12345', code: '0000',
    })).toEqual({ input: { number: 'XF20260101000001', idNumber: '510107198804129131' }, applicationNumber: 'HH1', itemCode: 'HH-001', plateNumber: '川A12345' });
  });

  it('tells refusals from failures', () => {
    expect(outcomeOf(DomainException.forbidden())).toBe('DENIED');
    expect(outcomeOf(DomainException.outOfJurisdiction())).toBe('DENIED');
    expect(outcomeOf(DomainException.notFound('x'))).toBe('FAILURE');
    expect(outcomeOf(new Error('boom'))).toBe('FAILURE');
  });
});
