import { WorkingCalendar } from '@onewindow/calendar';
import { isPastRetention, oneYearAfter, retentionUntil } from './retention.js';

describe('retention of found items (民法典 第三百一十八条、第二百零一条至第二百零三条)', () => {
  const calendar = WorkingCalendar.default();

  it('a year ends on the corresponding day; 29 February ends on 28 February', () => {
    expect(oneYearAfter('2025-06-10')).toBe('2026-06-10');
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(oneYearAfter('2025-12-31')).toBe('2026-12-31');
  });

  it('runs one year from the public notice (registration), ending on a working day', () => {
    expect(retentionUntil('2025-06-10', calendar)).toEqual({ retentionUntil: '2026-06-10', provisional: false });
    // 2026-03-07 is a Saturday → Monday 2026-03-09.
    expect(retentionUntil('2025-03-07', calendar)).toEqual({ retentionUntil: '2026-03-09', provisional: false });
    // 2026-02-15 falls in the Spring Festival holiday (Feb 15–23, 2026) → Tuesday 2026-02-24.
    expect(retentionUntil('2025-02-15', calendar).retentionUntil).toBe('2026-02-24');
    // 2026-10-01 (National Day, Oct 1–7; Sat Oct 10 is a working day) → 2026-10-08.
    expect(retentionUntil('2025-10-01', calendar).retentionUntil).toBe('2026-10-08');
  });

  it('flags a retention date in a year without published holiday data as provisional', () => {
    const r = retentionUntil('2026-12-01', calendar);
    expect(r.retentionUntil).toBe('2027-12-01');
    expect(r.provisional).toBe(true);
  });

  it('an item may be disposed of only after its last claim day', () => {
    expect(isPastRetention('2026-02-24', '2026-02-24')).toBe(false);
    expect(isPastRetention('2026-02-24', '2026-02-25')).toBe(true);
  });
});
