import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { maskerFor, publicSecurityMasker, seesFullDocumentNumbers, seesFullPersonalDataOf, seesFullRegisterDetails } from './masking.js';

const who = (roles: Role[], policeType?: PoliceType): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode: '510107001', unitName: '' });

const clerk = who([Role.CLERK]);
const trafficOfficer = who([Role.OFFICER], PoliceType.TRAFFIC);
const psOfficer = who([Role.OFFICER], PoliceType.PUBLIC_SECURITY);
const supervisor = who([Role.SUPERVISOR]);
const admin = who([Role.ADMIN]);
const analyst = who([Role.ANALYST]);

// Behaviour as it was in the services (household/traffic, exit-entry, public security): pinned.
describe.each([
  ['clerk', clerk, false, false, false],
  ['traffic officer', trafficOfficer, true, true, false],
  ['public-security officer', psOfficer, true, true, true],
  ['supervisor', supervisor, true, true, true],
  ['admin', admin, true, false, false],
  ['analyst', analyst, false, false, false],
])('%s', (_label, viewer, register, documents, publicSecurity) => {
  it(`register details full: ${String(register)}`, () => expect(seesFullRegisterDetails(viewer)).toBe(register));
  it(`document numbers full: ${String(documents)}`, () => expect(seesFullDocumentNumbers(viewer)).toBe(documents));
  it(`public-security personal data full: ${String(publicSecurity)}`, () => expect(seesFullPersonalDataOf(viewer, PoliceType.PUBLIC_SECURITY)).toBe(publicSecurity));
});

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
    expect(publicSecurityMasker(supervisor, { list: true }).idNumber('110105194912311234')).toBe('110105********1234');
  });

  it('masks for a clerk on a public-security detail screen', () => {
    const m = publicSecurityMasker(clerk);
    expect(m.idNumber('110105194912311234')).toBe('110105********1234');
    expect(m.name(null)).toBeNull();
    expect(publicSecurityMasker(psOfficer).idNumber('110105194912311234')).toBe('110105194912311234');
  });
});
