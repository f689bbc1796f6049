import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { maskerFor, publicSecurityMasker } from './masking.js';

const who = (roles: Role[], policeType?: PoliceType): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode: '510107001', unitName: '' });
const clerk = who([Role.CLERK]);
const psOfficer = who([Role.OFFICER], PoliceType.PUBLIC_SECURITY);
const supervisor = who([Role.SUPERVISOR]);

describe('maskerFor', () => {
  it('passes values through for a viewer who sees them in full', () => {
    const m = maskerFor(true);
    expect(m.idNumber('110105194912311234')).toBe('110105194912311234');
    expect(m.phone('13800138000')).toBe('13800138000');
    expect(m.name('张三')).toBe('张三');
    expect(m.phone(undefined)).toBeNull();
  });

  it('masks lists for everyone', () => {
    expect(maskerFor(true, { list: true }).idNumber('110105194912311234')).toBe('110105********1234');
    expect(publicSecurityMasker(supervisor, '510107001', { list: true }).idNumber('110105194912311234')).toBe('110105********1234');
  });

  it('public-security detail: masked for a clerk and for another unit; full for the own unit\'s officer', () => {
    expect(publicSecurityMasker(clerk, '510107001').idNumber('110105194912311234')).toBe('110105********1234');
    expect(publicSecurityMasker(clerk, '510107001').name(null)).toBeNull();
    expect(publicSecurityMasker(psOfficer, '510107001').idNumber('110105194912311234')).toBe('110105194912311234');
    expect(publicSecurityMasker(psOfficer, '510104002').idNumber('110105194912311234')).toBe('110105********1234');
  });
});
