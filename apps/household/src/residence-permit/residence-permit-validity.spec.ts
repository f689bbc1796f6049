import { endorsedValidUntil, endorsementOpensOn, permitValidUntil } from './residence-permit-validity.js';

describe('residence permit validity', () => {
  it('runs a year from issue (29 Feb → 28 Feb)', () => {
    expect(permitValidUntil('2026-11-26')).toBe('2027-11-26');
    expect(permitValidUntil('2028-02-29')).toBe('2029-02-28');
  });

  it('签注 in time adds a year to the expiry; after a lapse a year from the endorsement', () => {
    expect(endorsedValidUntil('2026-12-10', '2026-11-26')).toBe('2027-12-10');
    expect(endorsedValidUntil('2026-11-26', '2026-11-26')).toBe('2027-11-26');
    expect(endorsedValidUntil('2026-03-01', '2026-11-26')).toBe('2027-11-26');
  });

  it('opens a month before the expiry', () => {
    expect(endorsementOpensOn('2026-12-31')).toBe('2026-11-30');
  });
});
