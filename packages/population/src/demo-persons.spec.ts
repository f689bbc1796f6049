import { ageOn, checkConsistency, validateIdNumber } from '@onewindow/id-number';
import { DEMO_HOUSEHOLDS, DEMO_PERSON_IDS, DEMO_PERSONS } from './demo-persons.js';
import { generatePopulation } from './population.js';

describe('fixed demo persons', () => {
  it('have valid, unique ID numbers that agree with their sex and birth date', () => {
    expect(new Set(DEMO_PERSONS.map((p) => p.idNumber)).size).toBe(DEMO_PERSONS.length);
    expect(DEMO_PERSONS.map((p) => p.idNumber).sort()).toEqual(Object.values(DEMO_PERSON_IDS).sort());
    for (const p of DEMO_PERSONS) {
      expect(validateIdNumber(p.idNumber)).toMatchObject({ valid: true });
      expect(checkConsistency(p.idNumber, { sex: p.sex, birthDate: p.birthDate })).toEqual([]);
      expect(DEMO_HOUSEHOLDS.some((h) => h.householdNumber === p.householdNumber && h.unitCode === p.unitCode)).toBe(true);
    }
  });

  it('cover the stories the tests rely on', () => {
    const byId = (id: string) => DEMO_PERSONS.find((p) => p.idNumber === id)!;
    expect(byId(DEMO_PERSON_IDS.adult)).toMatchObject({ phone: '13800138000', unitCode: '510107001', status: 'NORMAL' });
    expect(byId(DEMO_PERSON_IDS.deceased).status).toBe('DECEASED');
    expect(ageOn(byId(DEMO_PERSON_IDS.minor).birthDate, '2026-11-26')).toBe(10);
    expect(byId(DEMO_PERSON_IDS.minor).householdNumber).toBe(byId(DEMO_PERSON_IDS.minorFather).householdNumber);
    expect(byId(DEMO_PERSON_IDS.minorMother).householdNumber).toBe(byId(DEMO_PERSON_IDS.minorFather).householdNumber);
    expect(byId(DEMO_PERSON_IDS.jinjiang).unitCode).toBe('510104002');
    expect(byId(DEMO_PERSON_IDS.toDie).status).toBe('NORMAL');
  });

  it('never collide with the default synthetic population', () => {
    const ids = new Set(DEMO_PERSONS.map((p) => p.idNumber));
    const households = new Set(DEMO_HOUSEHOLDS.map((h) => h.householdNumber));
    for (const h of generatePopulation({ seed: 1, persons: 10_000, unitCodes: ['510107001', '510104002'] })) {
      expect(households.has(h.householdNumber)).toBe(false);
      for (const m of h.members) expect(ids.has(m.idNumber)).toBe(false);
    }
  });
});
