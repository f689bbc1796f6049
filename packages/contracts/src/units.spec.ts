import { findPoliceUnit, POLICE_UNITS, policeUnitName } from './units.js';

describe('police unit directory', () => {
  it('names the demo units', () => {
    expect(policeUnitName('510107001')).toBe('成都市公安局武侯区分局浆洗街派出所');
    expect(findPoliceUnit('510104002')?.shortName).toBe('春熙路派出所');
  });

  it('an unknown station is named by its nearest known parent, never a bare code only', () => {
    expect(policeUnitName('510107009')).toBe('成都市公安局武侯区分局（单位代码 510107009）');
    expect(policeUnitName('990000001')).toBe('单位代码 990000001');
  });

  it('codes are unique and every unit nests under a listed parent or is a city bureau', () => {
    expect(new Set(POLICE_UNITS.map((u) => u.code)).size).toBe(POLICE_UNITS.length);
    for (const u of POLICE_UNITS.filter((x) => x.code.length > 4)) {
      expect(POLICE_UNITS.some((p) => p.code.length < u.code.length && u.code.startsWith(p.code))).toBe(true);
      expect(u.name.endsWith(u.shortName)).toBe(true);
    }
  });
});
