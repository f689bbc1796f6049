import type { Sex } from './id-number.js';

/**
 * The smallest free 3-digit sequence (顺序码) for a new ID number: odd for men, even for women
 * (GB 11643-1999 §5.3). `taken` holds the sequences already used on the register for the same
 * address code and birth date; 000 is never given out. Returns undefined when every sequence of
 * that parity is used (the issuing office must then use another address code).
 */
export function nextFreeSequence(taken: Iterable<number>, sex: Sex): number | undefined {
  const used = new Set(taken);
  for (let s = sex === 'MALE' ? 1 : 2; s <= 999; s += 2) {
    if (!used.has(s)) return s;
  }
  return undefined;
}

/** The sequence digits (positions 15–17) of an 18-digit ID number. */
export function sequenceOf(idNumber: string): number {
  return Number(idNumber.slice(14, 17));
}
