import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { DomainException } from '../errors/domain.exception.js';
import { assertMayReveal, maskPersonalField, mayReveal, PersonalField, personalDataView, showsInFull, type ViewMode } from './personal-data-policy.js';

const STATION = '510107001';
const who = (roles: Role[], policeType?: PoliceType, unitCode = STATION): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode, unitName: '' });

const viewers = {
  clerk: who([Role.CLERK]),
  householdOfficer: who([Role.OFFICER], PoliceType.HOUSEHOLD),
  trafficOfficer: who([Role.OFFICER], PoliceType.TRAFFIC),
  supervisor: who([Role.SUPERVISOR], undefined, '510107'),
  analyst: who([Role.ANALYST], undefined, '5101'),
  admin: who([Role.ADMIN], undefined, '5101'),
};
type Viewer = keyof typeof viewers;

const OWN_UNIT = '510107001';
const OTHER_UNIT = '510104002'; // same city, another district

/*
 * The whole policy as a table: role × record police type (HOUSEHOLD) × own/other unit × mode →
 * [ID number full, name full, phone full]. Every combination is listed; nothing is inferred.
 */
const F = false;
const T = true;
const TABLE: [Viewer, 'own' | 'other', ViewMode, boolean, boolean, boolean][] = [
  // LIST: masked for everyone, everywhere.
  ...(Object.keys(viewers) as Viewer[]).flatMap((v) => (['own', 'other'] as const).map((u) => [v, u, 'LIST', F, F, F] as [Viewer, 'own' | 'other', ViewMode, boolean, boolean, boolean])),
  // DETAIL
  ['clerk', 'own', 'DETAIL', F, T, F],
  ['clerk', 'other', 'DETAIL', F, T, F],
  ['householdOfficer', 'own', 'DETAIL', T, T, T],
  ['householdOfficer', 'other', 'DETAIL', F, F, F],
  ['trafficOfficer', 'own', 'DETAIL', F, F, F],
  ['trafficOfficer', 'other', 'DETAIL', F, F, F],
  ['supervisor', 'own', 'DETAIL', T, T, T],
  ['supervisor', 'other', 'DETAIL', F, F, F],
  ['analyst', 'own', 'DETAIL', F, F, F],
  ['analyst', 'other', 'DETAIL', F, F, F],
  ['admin', 'own', 'DETAIL', F, F, F],
  ['admin', 'other', 'DETAIL', F, F, F],
  // REVEAL (an explicit, purposed request)
  ['clerk', 'own', 'REVEAL', T, T, T],
  ['clerk', 'other', 'REVEAL', T, T, T],
  ['householdOfficer', 'own', 'REVEAL', T, T, T],
  ['householdOfficer', 'other', 'REVEAL', F, F, F],
  ['trafficOfficer', 'own', 'REVEAL', F, F, F],
  ['trafficOfficer', 'other', 'REVEAL', F, F, F],
  ['supervisor', 'own', 'REVEAL', T, T, T],
  ['supervisor', 'other', 'REVEAL', F, F, F],
  ['analyst', 'own', 'REVEAL', F, F, F],
  ['analyst', 'other', 'REVEAL', F, F, F],
  ['admin', 'own', 'REVEAL', F, F, F],
  ['admin', 'other', 'REVEAL', F, F, F],
];

describe('personal-data policy (role × police type × unit × mode)', () => {
  it('the table covers every combination once', () => {
    expect(TABLE).toHaveLength(Object.keys(viewers).length * 2 * 3);
    expect(new Set(TABLE.map(([v, u, m]) => `${v}/${u}/${m}`)).size).toBe(TABLE.length);
  });

  it.each(TABLE)('%s, %s unit, %s → id %s, name %s, phone %s', (viewer, unit, mode, id, name, phone) => {
    const record = { policeType: PoliceType.HOUSEHOLD, unitCode: unit === 'own' ? OWN_UNIT : OTHER_UNIT };
    const v = viewers[viewer];
    expect([
      showsInFull(v, record, mode, PersonalField.ID_NUMBER),
      showsInFull(v, record, mode, PersonalField.NAME),
      showsInFull(v, record, mode, PersonalField.PHONE),
    ]).toEqual([id, name, phone]);
    // Identifiers other than the ID number follow the ID number.
    for (const f of [PersonalField.ADDRESS, PersonalField.DOCUMENT_NUMBER, PersonalField.VIN]) expect(showsInFull(v, record, mode, f)).toBe(id);
  });

  it.each(Object.values(PoliceType))('an officer sees %s records in full only when it is their own police type', (policeType) => {
    for (const officerType of Object.values(PoliceType)) {
      const record = { policeType, unitCode: OWN_UNIT };
      expect(showsInFull(who([Role.OFFICER], officerType), record, 'DETAIL', PersonalField.ID_NUMBER)).toBe(officerType === policeType);
    }
  });

  it('a record of another city is never revealed to a clerk; a record without a unit is in no jurisdiction', () => {
    expect(mayReveal(viewers.clerk, { policeType: PoliceType.HOUSEHOLD, unitCode: '110105001' })).toBe(false);
    expect(showsInFull(viewers.supervisor, { policeType: PoliceType.HOUSEHOLD, unitCode: null }, 'DETAIL', PersonalField.ID_NUMBER)).toBe(false);
    expect(() => assertMayReveal(viewers.analyst, { policeType: PoliceType.HOUSEHOLD, unitCode: OWN_UNIT })).toThrow(DomainException);
  });

  it('masks each field kind; a view passes values through or masks them', () => {
    expect(maskPersonalField(PersonalField.ID_NUMBER, '510107198804129130')).toBe('510107********9130');
    expect(maskPersonalField(PersonalField.NAME, '张三丰')).toBe('张**');
    expect(maskPersonalField(PersonalField.PHONE, '13800138000')).toBe('138****8000');
    expect(maskPersonalField(PersonalField.ADDRESS, '成都市武侯区浆洗街1号')).toBe('成都市武侯区****');
    expect(maskPersonalField(PersonalField.DOCUMENT_NUMBER, 'E12345678')).toBe('E****5678');
    expect(maskPersonalField(PersonalField.VIN, 'LSVAM4187C2184838')).toBe('LSV********184838');
    const view = personalDataView(viewers.clerk, { policeType: PoliceType.HOUSEHOLD, unitCode: OWN_UNIT }, 'DETAIL');
    expect(view.show(PersonalField.NAME, '张三丰')).toBe('张三丰');
    expect(view.show(PersonalField.ID_NUMBER, '510107198804129130')).toBe('510107********9130');
    expect(view.show(PersonalField.PHONE, null)).toBeNull();
  });
});
