import Holidays from 'date-holidays';
import { addDays } from './time.js';

/** The Netherlands' calendar of date-holidays (public holidays, observances and school days off). */
const calendar = new Holidays('NL');

const dateOf = (h: { date: string }) => h.date.slice(0, 10);

/** Easter Sunday as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const easter = calendar.getHolidays(year).find((h) => h.rule === 'easter');
  if (!easter) throw new Error(`no Easter in ${year}`);
  return dateOf(easter);
}

const cache = new Map<number, Set<string>>();

/**
 * Dutch public holidays on which government offices are closed: the public holidays of date-holidays
 * (New Year's Day, Easter Monday, King's Day — the 26th when the 27th is a Sunday —, Ascension Day, Whit
 * Monday, Christmas and Boxing Day), plus Good Friday, and Liberation Day in lustrum years (date-holidays
 * lists both as school holidays; the government's collective agreement gives them off). Holidays on a
 * Sunday are left out: Sundays are weekend anyway.
 */
export function dutchHolidays(year: number): Set<string> {
  let set = cache.get(year);
  if (set) return set;
  const off = calendar
    .getHolidays(year)
    .filter(
      (h) => h.type === 'public' || h.rule === 'easter -2' || (h.rule.startsWith('05-05') && year % 5 === 0),
    )
    .map(dateOf)
    .filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 0);
  set = new Set(off);
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
