import { fieldProblem, type CatalogItem, type FieldProblem } from '@onewindow/catalog';

/** Where an approved application puts the person on the register. */
export type Placement =
  | { mode: 'NEW_HOUSEHOLD'; address: string }
  | { mode: 'JOIN'; householdNumber: string; kind: 'FAMILY' | 'COLLECTIVE'; relationToHead: string };

/** Items whose approval places a person (who may be new to the register) in a household. */
export const SETTLEMENT_ITEMS = ['HH-MOVE-IN', 'HH-TALENT-SETTLE', 'HH-COLLECTIVE-ENTRY'] as const;
export type SettlementItem = (typeof SETTLEMENT_ITEMS)[number];
export const isSettlementItem = (code: string): code is SettlementItem => (SETTLEMENT_ITEMS as readonly string[]).includes(code);

export const COLLECTIVE_MEMBER = '集体户成员';
const HOUSEHOLD_NUMBER = /^\d{10,20}$/;

const text = (form: Record<string, unknown>, key: string): string => (typeof form[key] === 'string' ? form[key].trim() : '');

/**
 * Reads the placement from a settlement form (迁入 / 人才落户 / 集体户入户). The catalog's form check
 * has already passed; this adds the rules between fields that the catalog cannot state (which
 * fields a choice makes required). Returns the problems instead when the form lacks something.
 */
export function placementOf(item: Pick<CatalogItem, 'code' | 'formFields'>, form: Record<string, unknown>): { placement?: Placement; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const need = (key: string, why: string): string => {
    const v = text(form, key);
    if (!v) problems.push(fieldProblem(item, key, why));
    else if (key.endsWith('HouseholdNumber') && !HOUSEHOLD_NUMBER.test(v)) problems.push(fieldProblem(item, key, '户号应为10至20位数字'));
    return v;
  };
  const family = (addressKey: string): Placement | undefined => {
    const choice = text(form, 'householdChoice');
    if (choice === '立新户') {
      const address = need(addressKey, '立新户的须填写住所地址');
      return address ? { mode: 'NEW_HOUSEHOLD', address } : undefined;
    }
    if (choice === '入现有户') {
      const householdNumber = need('targetHouseholdNumber', '入现有户的须填写入户户号');
      const relationToHead = need('relationToHead', '入现有户的须填写与户主关系');
      return householdNumber && relationToHead && !problems.length ? { mode: 'JOIN', householdNumber, kind: 'FAMILY', relationToHead } : undefined;
    }
    problems.push(fieldProblem(item, 'householdChoice', '须选择立新户或入现有户'));
    return undefined;
  };
  const collective = (key: string): Placement | undefined => {
    const householdNumber = need(key, '落户集体户的须填写集体户户号');
    return householdNumber && !problems.length ? { mode: 'JOIN', householdNumber, kind: 'COLLECTIVE', relationToHead: COLLECTIVE_MEMBER } : undefined;
  };

  let placement: Placement | undefined;
  switch (item.code) {
    case 'HH-MOVE-IN':
      placement = family('newAddress');
      break;
    case 'HH-TALENT-SETTLE':
      placement = text(form, 'settleTo') === '合法稳定住所' ? family('residenceAddress') : collective('targetHouseholdNumber');
      break;
    case 'HH-COLLECTIVE-ENTRY':
      placement = collective('collectiveHouseholdNumber');
      break;
    default:
      return { problems };
  }
  return problems.length ? { problems } : { placement, problems };
}
