import { addYears, effectiveLicenceStatus, renewalWindow, renewedValidUntil } from './licence-validity.js';

describe('driving licence renewal window (90 days before expiry)', () => {
  it('opens 90 days before the expiry date and stays open after it', () => {
    expect(renewalWindow('2026-03-15', '2025-12-14')).toEqual({ allowed: false, reason: 'TOO_EARLY', renewableFrom: '2025-12-15' });
    expect(renewalWindow('2026-03-15', '2025-12-15')).toEqual({ allowed: true, renewableFrom: '2025-12-15', overdue: false });
    expect(renewalWindow('2026-03-15', '2026-02-10')).toEqual({ allowed: true, renewableFrom: '2025-12-15', overdue: false });
    expect(renewalWindow('2026-03-15', '2026-03-16')).toEqual({ allowed: true, renewableFrom: '2025-12-15', overdue: true });
  });

  it('counts across a leap day and refuses long-term licences', () => {
    expect(renewalWindow('2028-05-29', '2028-02-29')).toMatchObject({ allowed: true, renewableFrom: '2028-02-29' });
    expect(renewalWindow(null, '2026-02-10')).toEqual({ allowed: false, reason: 'LONG_TERM' });
  });

  it('renews 6 → 10 years → long-term, from the old expiry; 12 points repeat the term', () => {
    expect(renewedValidUntil({ firstIssuedOn: '2020-03-15', validUntil: '2026-03-15', points: 0 })).toBe('2036-03-15');
    expect(renewedValidUntil({ firstIssuedOn: '2020-03-15', validUntil: '2036-03-15', points: 3 })).toBeNull();
    expect(renewedValidUntil({ firstIssuedOn: '2020-03-15', validUntil: '2026-03-15', points: 12 })).toBe('2032-03-15');
    expect(addYears('2024-02-29', 6)).toBe('2030-02-28');
  });

  it('reads a VALID licence past its expiry as EXPIRED', () => {
    expect(effectiveLicenceStatus({ status: 'VALID', validUntil: '2026-03-15' }, '2026-03-15')).toBe('VALID');
    expect(effectiveLicenceStatus({ status: 'VALID', validUntil: '2026-03-15' }, '2026-03-16')).toBe('EXPIRED');
    expect(effectiveLicenceStatus({ status: 'VALID', validUntil: null }, '2099-01-01')).toBe('VALID');
    expect(effectiveLicenceStatus({ status: 'CANCELLED', validUntil: '2020-01-01' }, '2026-02-10')).toBe('CANCELLED');
  });
});
