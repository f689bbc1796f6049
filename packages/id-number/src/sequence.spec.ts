import { nextFreeSequence, sequenceOf } from './sequence.js';

describe('nextFreeSequence', () => {
  it('gives the smallest free odd sequence to a man and even one to a woman, never 000', () => {
    expect(nextFreeSequence([], 'MALE')).toBe(1);
    expect(nextFreeSequence([], 'FEMALE')).toBe(2);
    expect(nextFreeSequence([1, 2, 3, 6], 'MALE')).toBe(5);
    expect(nextFreeSequence([1, 2, 3, 6], 'FEMALE')).toBe(4);
  });

  it('returns undefined when every sequence of that parity is used', () => {
    const odd = Array.from({ length: 500 }, (_, i) => i * 2 + 1);
    expect(nextFreeSequence(odd, 'MALE')).toBeUndefined();
    expect(nextFreeSequence(odd, 'FEMALE')).toBe(2);
  });

  it('reads the sequence of a number', () => {
    expect(sequenceOf('11010519491231002X')).toBe(2);
    expect(sequenceOf('440524188001010014')).toBe(1);
  });
});
