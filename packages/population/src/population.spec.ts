import { ageOn, checkConsistency, validateIdNumber } from '@onewindow/id-number';
import { DEFAULT_AS_OF, countHouseholds, generatePopulation, type HouseholdRecord, type PersonRecord } from './index.js';

const UNITS = ['510107001', '510107002', '510107003', '510104005', '610522002', '371122004'];
const RELATION_SEX: Record<PersonRecord['relationToHead'], PersonRecord['sex'] | undefined> = {
  户主: undefined,
  配偶: undefined,
  子: 'MALE',
  女: 'FEMALE',
  父亲: 'MALE',
  母亲: 'FEMALE',
  孙子: 'MALE',
  孙女: 'FEMALE',
};

function collect(persons: number, seed = 20250101, unitCodes = UNITS): HouseholdRecord[] {
  return [...generatePopulation({ seed, persons, unitCodes })];
}

function yearsBetween(older: PersonRecord, younger: PersonRecord): number {
  return ageOn(older.birthDate, younger.birthDate);
}

describe('generatePopulation — determinism', () => {
  it('gives the same data for the same seed', () => {
    expect(collect(3000, 7)).toEqual(collect(3000, 7));
  });

  it('gives different data for another seed', () => {
    const a = collect(300, 7).flatMap((h) => h.members.map((m) => m.idNumber));
    const b = collect(300, 8).flatMap((h) => h.members.map((m) => m.idNumber));
    expect(a).not.toEqual(b);
  });

  it('makes a smaller population a prefix of a larger one with the same seed', () => {
    const small = collect(1000, 11);
    const large = collect(5000, 11);
    expect(large.slice(0, small.length - 1)).toEqual(small.slice(0, -1)); // the last one may be cut
  });
});

describe('generatePopulation — 50,000 persons', () => {
  let households: HouseholdRecord[];
  let people: PersonRecord[];

  beforeAll(() => {
    households = collect(50_000);
    people = households.flatMap((h) => h.members);
  });

  // Checks run over every record; failures are collected so one report lists them all.
  function violations<T>(items: readonly T[], check: (item: T) => string[]): string[] {
    return items.flatMap(check).slice(0, 20);
  }

  it('makes exactly the number of persons asked for, in countHouseholds households', () => {
    expect(people).toHaveLength(50_000);
    expect(households).toHaveLength(countHouseholds({ seed: 20250101, persons: 50_000 }));
  });

  it('gives everyone a valid ID number that agrees with their sex and birth date', () => {
    const today = new Date(`${DEFAULT_AS_OF}T12:00:00+08:00`);
    const failures = violations(people, (person) => {
      const check = validateIdNumber(person.idNumber, { today });
      if (!check.valid) return [`${person.idNumber}: ${check.message}`];
      const mismatches = checkConsistency(person.idNumber, { sex: person.sex, birthDate: person.birthDate });
      return [
        ...(check.kind === 'RESIDENT' && check.normalized === person.idNumber ? [] : [`${person.idNumber}: ${check.kind}`]),
        ...mismatches.map((m) => `${person.idNumber}: ${m.message}`),
      ];
    });
    expect(failures).toEqual([]);
  });

  it('never repeats an ID number or a household number', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(households.map((h) => h.householdNumber)).size).toBe(households.length);
  });

  it('builds households of 1–6 headed by their first member', () => {
    const failures = violations(households, (household) => {
      const { members, householdNumber: n } = household;
      const count = (relation: string) => members.filter((m) => m.relationToHead === relation).length;
      const problems: string[] = [];
      if (members.length < 1 || members.length > 6) problems.push(`${n}: size ${members.length}`);
      if (members[0]?.relationToHead !== '户主' || count('户主') !== 1) problems.push(`${n}: head not first or not alone`);
      if (count('配偶') > 1 || count('父亲') > 1 || count('母亲') > 1) problems.push(`${n}: two spouses or parents`);
      if (household.headIdNumber !== members[0]?.idNumber) problems.push(`${n}: headIdNumber`);
      if (!UNITS.includes(household.unitCode)) problems.push(`${n}: unit ${household.unitCode}`);
      if (!new RegExp(`^${household.unitCode}\\d{6}$`).test(n)) problems.push(`${n}: household number`);
      for (const member of members) {
        if (member.address !== household.address) problems.push(`${n}: address of ${member.idNumber}`);
        if (member.status !== 'NORMAL') problems.push(`${n}: status of ${member.idNumber}`);
        const sex = RELATION_SEX[member.relationToHead];
        if (sex && sex !== member.sex) problems.push(`${n}: ${member.relationToHead} is ${member.sex}`);
      }
      return problems;
    });
    expect(failures).toEqual([]);
  });

  it('keeps ages plausible within each household', () => {
    const failures = violations(households, ({ members, householdNumber: n }) => {
      const problems: string[] = [];
      const expectGap = (what: string, older: PersonRecord, younger: PersonRecord, min: number, max: number) => {
        const gap = yearsBetween(older, younger);
        if (gap < min || gap > max) problems.push(`${n}: ${what} ${gap} years apart`);
      };
      const head = members[0]!;
      const spouse = members.find((m) => m.relationToHead === '配偶');
      if (ageOn(head.birthDate, DEFAULT_AS_OF) < 18) problems.push(`${n}: head under 18`);
      if (spouse) {
        if (spouse.sex === head.sex) problems.push(`${n}: spouses of one sex`);
        if (ageOn(spouse.birthDate, DEFAULT_AS_OF) < 20) problems.push(`${n}: spouse under 20`);
        const [older, younger] = spouse.birthDate < head.birthDate ? [spouse, head] : [head, spouse];
        expectGap('spouses', older, younger, 0, 6);
      }
      const father = members.find((m) => m.relationToHead === '父亲');
      const mother = members.find((m) => m.relationToHead === '母亲');
      if (father && mother) {
        const [older, younger] = father.birthDate < mother.birthDate ? [father, mother] : [mother, father];
        expectGap('parents', older, younger, 0, 6);
      }
      for (const member of members) {
        if (member.birthDate > DEFAULT_AS_OF) problems.push(`${n}: born after asOf`);
        if (ageOn(member.birthDate, DEFAULT_AS_OF) >= 100) problems.push(`${n}: 100 or older`);
        switch (member.relationToHead) {
          case '子':
          case '女':
            for (const parent of spouse ? [head, spouse] : [head]) expectGap('parent and child', parent, member, 18, 40);
            break;
          case '孙子':
          case '孙女':
            expectGap('grandparent and grandchild', head, member, 36, 80);
            break;
          case '父亲':
          case '母亲':
            expectGap('parent and head', member, head, 18, 40);
            break;
          default:
            break;
        }
      }
      return problems;
    });
    expect(failures).toEqual([]);
  });

  it('has realistic household sizes: mostly 2–4, mean near the census figure', () => {
    const sizes = households.map((h) => h.members.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.4);
    expect(mean).toBeLessThan(3.2);
    expect(sizes.filter((s) => s >= 2 && s <= 4).length / sizes.length).toBeGreaterThan(0.6);
    expect(new Set(sizes)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('gives adults their own mobile number and children under 16 the head’s', () => {
    const failures = violations(households, ({ members }) =>
      members.flatMap((member) => {
        if (!/^1[3-9]\d{9}$/.test(member.phone)) return [`${member.idNumber}: phone ${member.phone}`];
        const child = ageOn(member.birthDate, DEFAULT_AS_OF) < 15;
        return child && member.phone !== members[0]!.phone ? [`${member.idNumber}: child with own phone`] : [];
      }),
    );
    expect(failures).toEqual([]);
    const adults = people.filter((p) => ageOn(p.birthDate, DEFAULT_AS_OF) >= 17);
    expect(new Set(adults.map((p) => p.phone)).size).toBeGreaterThan(adults.length * 0.99);
  });

  it('is mostly 汉族, with minorities present', () => {
    const han = people.filter((p) => p.ethnicity === '汉族').length / people.length;
    expect(han).toBeGreaterThan(0.85);
    expect(han).toBeLessThan(0.99);
    const groups = new Set(people.map((p) => p.ethnicity));
    for (const group of ['回族', '藏族', '彝族']) expect(groups).toContain(group);
  });

  it('gives Chinese names and addresses', () => {
    expect(people.filter((p) => !/^[\u4e00-\u9fff·]{1,12}$/.test(p.name)).slice(0, 5)).toEqual([]);
    expect(households.filter((h) => !/^[\u4e00-\u9fff\d]+号$/.test(h.address)).slice(0, 5)).toEqual([]);
    expect(households.some((h) => h.address.startsWith('四川省成都市武侯区浆洗街街道'))).toBe(true);
    expect(households.some((h) => /^山东省日照市莒县.+镇.+村\d+组\d+号$/.test(h.address))).toBe(true);
  });

  it('uses the abolished 1990 Chengdu codes only for people born before 1990', () => {
    const holders = people.filter((p) => /^51010[23]/.test(p.idNumber));
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((p) => p.birthDate >= '1990-01-01')).toEqual([]);
  });
});

describe('generatePopulation — options', () => {
  it('takes ID address codes from regionCodes when given', () => {
    const regionCodes = ['513401', '810000'.replace('81', '50')];
    for (const household of generatePopulation({ seed: 1, persons: 2000, unitCodes: UNITS, regionCodes })) {
      for (const member of household.members) expect(regionCodes).toContain(member.idNumber.slice(0, 6));
    }
  });

  it('honours asOf: nobody is born after it', () => {
    for (const household of generatePopulation({ seed: 1, persons: 2000, unitCodes: UNITS, asOf: '2000-06-30' })) {
      for (const member of household.members) expect(member.birthDate <= '2000-06-30').toBe(true);
    }
  });

  it('yields nothing for zero persons', () => {
    expect(collect(0)).toEqual([]);
    expect(countHouseholds({ seed: 1, persons: 0 })).toBe(0);
  });

  it.each([1, 2, 7, 1001])('counts households for %i persons exactly', (persons) => {
    const households = collect(persons, 3);
    expect(households.flatMap((h) => h.members)).toHaveLength(persons);
    expect(countHouseholds({ seed: 3, persons })).toBe(households.length);
  });

  it.each([
    ['no units', { seed: 1, persons: 10, unitCodes: [] }],
    ['a short unit code', { seed: 1, persons: 10, unitCodes: ['510107'] }],
    ['a unit in no province', { seed: 1, persons: 10, unitCodes: ['200101001'] }],
    ['an empty regionCodes', { seed: 1, persons: 10, unitCodes: UNITS, regionCodes: [] }],
    ['a bad region code', { seed: 1, persons: 10, unitCodes: UNITS, regionCodes: ['5101'] }],
    ['negative persons', { seed: 1, persons: -1, unitCodes: UNITS }],
    ['fractional persons', { seed: 1, persons: 1.5, unitCodes: UNITS }],
    ['a fractional seed', { seed: 0.5, persons: 10, unitCodes: UNITS }],
    ['an impossible asOf', { seed: 1, persons: 10, unitCodes: UNITS, asOf: '2025-02-29' }],
  ])('refuses %s at once, before the first household', (_label, options) => {
    expect(() => generatePopulation(options)).toThrow(RangeError);
  });
});
