import { describe, expect, it } from 'vitest';
import { addWorkingDays, dutchHolidays, easterSunday, isWorkingDay } from './workdays.js';

describe('Dutch working days', () => {
  it('computes Easter', () => {
    // Published dates of Easter Sunday.
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('knows the public holidays of 2026', () => {
    expect([...dutchHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-03', // Goede Vrijdag
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag
      '2026-05-14', // Hemelvaartsdag
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(dutchHolidays(2025).has('2025-05-05')).toBe(true); // lustrum year
    expect(dutchHolidays(2025).has('2025-04-26')).toBe(true); // 27 April 2025 is a Sunday
  });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-11-24')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    // Three working days from Thursday 24 December 2026: Christmas and the weekend are skipped.
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
    // From the Friday before Easter Monday 2026 (Good Friday itself is a holiday).
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
  });
});
