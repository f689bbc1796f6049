import { Role, type Identity } from '@onewindow/contracts';
import { DomainException } from '../errors/domain.exception.js';
import { cityScope, cityScopeOfUnit, systemActor, WHOLE_BUREAU } from './jurisdiction-scope.js';

const clerk = (unitCode: string): Identity => ({ sub: 'u1', username: 'clerk', displayName: '窗口', roles: [Role.CLERK], unitCode, unitName: '' });

describe('cityScope', () => {
  it.each([
    ['510107001', '5101'], // police station
    ['510107', '5101'], // district
    ['5101', '5101'], // city bureau
    ['510', '510'], // shorter than a city code: never widened
  ])('scopes a caller of unit %s to %s', (unit, prefix) => {
    expect(cityScope(clerk(unit))).toEqual({ unitPrefix: prefix });
  });

  it('refuses an account without a unit (out of jurisdiction), like jurisdictionOf', () => {
    expect(() => cityScope(clerk(''))).toThrow(DomainException);
  });

  it('gives the city of a unit code', () => {
    expect(cityScopeOfUnit('510104002')).toEqual({ unitPrefix: '5101' });
    expect(cityScopeOfUnit('')).toEqual({ unitPrefix: '' });
  });
});

describe('system scope', () => {
  it('the whole bureau is the empty prefix', () => {
    expect(WHOLE_BUREAU).toEqual({ unitPrefix: '' });
  });

  it('system actors carry no roles and no unit', () => {
    expect(systemActor('system:job', '系统')).toEqual({ sub: 'system:job', username: 'system', displayName: '系统', roles: [], unitCode: '', unitName: '' });
  });
});
