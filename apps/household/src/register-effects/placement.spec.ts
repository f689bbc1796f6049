import { loadCatalogFile } from '@onewindow/catalog';
import { HOUSEHOLD_CATALOG_PATH } from '../household.schema.js';
import { placementOf } from './placement.js';

const catalog = loadCatalogFile(HOUSEHOLD_CATALOG_PATH);
const item = (code: string) => catalog.items.find((i) => i.code === code)!;
const fields = (r: ReturnType<typeof placementOf>) => r.problems.map((p) => p.field);

describe('placementOf', () => {
  it('move-in: 立新户 at the new address, 入现有户 with household number and relation', () => {
    expect(placementOf(item('HH-MOVE-IN'), { householdChoice: '立新户', newAddress: ' 武侯区1号 ' })).toEqual({ placement: { mode: 'NEW_HOUSEHOLD', address: '武侯区1号' }, problems: [] });
    expect(placementOf(item('HH-MOVE-IN'), { householdChoice: '入现有户', targetHouseholdNumber: '510107001900001', relationToHead: '子' }).placement)
      .toEqual({ mode: 'JOIN', householdNumber: '510107001900001', kind: 'FAMILY', relationToHead: '子' });
    expect(fields(placementOf(item('HH-MOVE-IN'), { householdChoice: '入现有户', targetHouseholdNumber: 'abc' }))).toEqual(['targetHouseholdNumber', 'relationToHead']);
    expect(fields(placementOf(item('HH-MOVE-IN'), {}))).toEqual(['householdChoice']);
  });

  it('talent settlement: 合法稳定住所 like a move-in (address in residenceAddress), collective households by number', () => {
    expect(fields(placementOf(item('HH-TALENT-SETTLE'), { settleTo: '合法稳定住所', householdChoice: '立新户' }))).toEqual(['residenceAddress']);
    expect(placementOf(item('HH-TALENT-SETTLE'), { settleTo: '人才集体户', targetHouseholdNumber: '510107001000007' }).placement)
      .toEqual({ mode: 'JOIN', householdNumber: '510107001000007', kind: 'COLLECTIVE', relationToHead: '集体户成员' });
    expect(fields(placementOf(item('HH-TALENT-SETTLE'), { settleTo: '单位集体户' }))).toEqual(['targetHouseholdNumber']);
  });

  it('collective entry names the collective household; other items place nobody', () => {
    expect(placementOf(item('HH-COLLECTIVE-ENTRY'), { collectiveHouseholdNumber: '510107001000007' }).placement).toMatchObject({ kind: 'COLLECTIVE' });
    expect(placementOf(item('HH-ID-CARD-FIRST'), {})).toEqual({ problems: [] });
  });
});
