import { PERMIT_KIND_SPECS, PERMIT_STATUS_CHANGES, permitKindOfItem, permitValidUntil } from './permit-kinds.js';

describe('permit kinds', () => {
  it('maps licensing items to register kinds; filings and one-off decisions issue none', () => {
    expect(permitKindOfItem('PS-HOTEL-LICENCE')?.kind).toBe('HOTEL');
    expect(permitKindOfItem('PS-SECURITY-GUARD-CERT')).toMatchObject({ kind: 'SECURITY_GUARD', holderKind: 'PERSON' });
    expect(permitKindOfItem('PS-SEAL-CARVING-FILING')).toBeUndefined();
    expect(permitKindOfItem('PS-LOST-PROPERTY-CLAIM')).toBeUndefined();
  });

  it('computes terms from the issue date; no term means long-term', () => {
    expect(permitValidUntil(PERMIT_KIND_SPECS.HOTEL, '2026-03-10')).toBeNull();
    expect(permitValidUntil(PERMIT_KIND_SPECS.EXPLOSIVES_PURCHASE, '2026-03-10')).toBe('2026-04-09');
    expect(permitValidUntil(PERMIT_KIND_SPECS.BLASTING_UNIT, '2024-02-29')).toBe('2027-02-28');
  });

  it('a cancelled permit stays cancelled', () => {
    expect(PERMIT_STATUS_CHANGES.CANCELLED).toEqual([]);
    expect(PERMIT_STATUS_CHANGES.UNDER_REVIEW).toContain('VALID');
  });
});
