// Household shapes. Sizes follow the census picture (most households hold 2–4 people, mean about
// 2.8); each size has a few typical compositions, drawn by weight.

import { weightedTable, type WeightedTable } from './random.js';

/** A member besides the head, before sex and age are drawn. CHILD is 子 or 女, PARENT 父亲 or 母亲. */
export type MemberSlot = 'SPOUSE' | 'CHILD' | 'SON' | 'FATHER' | 'MOTHER' | 'PARENT' | 'GRANDCHILD';

export const HOUSEHOLD_SIZES = weightedTable<number>([
  [1, 16], [2, 30], [3, 27], [4, 15], [5, 8], [6, 4],
]);

type Composition = readonly MemberSlot[];

export const COMPOSITIONS_BY_SIZE: Readonly<Record<number, WeightedTable<Composition>>> = {
  1: weightedTable<Composition>([[[], 1]]),
  2: weightedTable<Composition>([
    [['SPOUSE'], 65],
    [['CHILD'], 22], // single parent
    [['PARENT'], 13], // adult child with a widowed parent
  ]),
  3: weightedTable<Composition>([
    [['SPOUSE', 'CHILD'], 72],
    [['SPOUSE', 'PARENT'], 10],
    [['CHILD', 'CHILD'], 8],
    [['SPOUSE', 'GRANDCHILD'], 7], // grandparents raising a grandchild (隔代家庭)
    [['CHILD', 'PARENT'], 3],
  ]),
  4: weightedTable<Composition>([
    [['SPOUSE', 'CHILD', 'CHILD'], 50],
    [['SPOUSE', 'CHILD', 'PARENT'], 25],
    [['SPOUSE', 'GRANDCHILD', 'GRANDCHILD'], 9],
    [['SPOUSE', 'FATHER', 'MOTHER'], 8],
    [['SPOUSE', 'SON', 'GRANDCHILD'], 8],
  ]),
  5: weightedTable<Composition>([
    [['SPOUSE', 'CHILD', 'FATHER', 'MOTHER'], 40],
    [['SPOUSE', 'CHILD', 'CHILD', 'PARENT'], 25],
    [['SPOUSE', 'SON', 'GRANDCHILD', 'GRANDCHILD'], 25],
    [['SPOUSE', 'CHILD', 'CHILD', 'CHILD'], 10],
  ]),
  6: weightedTable<Composition>([
    [['SPOUSE', 'CHILD', 'CHILD', 'FATHER', 'MOTHER'], 45],
    [['SPOUSE', 'SON', 'CHILD', 'GRANDCHILD', 'GRANDCHILD'], 25],
    [['SPOUSE', 'CHILD', 'CHILD', 'CHILD', 'PARENT'], 15],
    [['SPOUSE', 'SON', 'GRANDCHILD', 'GRANDCHILD', 'GRANDCHILD'], 15],
  ]),
};

/** Age range of the head (years on the reference date) that leaves room for the other members. */
export function headAgeRange(composition: Composition): readonly [number, number] {
  const has = (slot: MemberSlot) => composition.includes(slot);
  const children = has('CHILD') || has('SON');
  const parents = has('PARENT') || has('FATHER') || has('MOTHER');
  if (has('GRANDCHILD')) return [50, 85];
  if (parents && children) return [28, 58];
  if (parents) return [22, 62];
  if (children) return [24, 68];
  if (has('SPOUSE')) return [22, 88];
  return [18, 92];
}
