import { addDays } from './time.js';

/** Easter Sunday (Gregorian, the anonymous algorithm of Meeus/Jones/Butcher) as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Set<string>>();

/**
 * Dutch public holidays on which government offices are closed: New Year's Day, Good Friday, Easter
 * Monday, King's Day (27 April, the 26th when the 27th is a Sunday), Liberation Day (5 May, a day off
 * in lustrum years), Ascension Day, Whit Monday, Christmas and Boxing Day. (Sundays are weekend anyway.)
 */
export function dutchHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (set) return set;
  const easter = easterSunday(year);
  const kingsDay = new Date(`${year}-04-27T12:00:00Z`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  set = new Set([
    `${year}-01-01`,
    addDays(easter, -2),
    addDays(easter, 1),
    kingsDay,
    addDays(easter, 39),
    addDays(easter, 50),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  if (year % 5 === 0) set.add(`${year}-05-05`);
  cache.set(year, set);
  return set;
}

export function isWorkingDay(date: string): boolean {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !dutchHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (n = 0: `date` itself, or the next working day). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  for (let i = 0; i < n; i++) {
    d = addDays(d, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
  }
  return d;
}
