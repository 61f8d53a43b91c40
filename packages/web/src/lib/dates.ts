const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Europe/Amsterdam as `YYYY-MM-DD`. */
export function todayIso(): string {
  return amsterdamDay.format(new Date());
}

/** A date as YYYY-MM-DD in the browser's time zone (the default of a date field). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date a number of days from now, as YYYY-MM-DD in the browser's time zone. */
export function daysFromNow(days: number): string {
  return isoDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The period in a URL, `?van=&tot=`; a value that is no date is left out. */
export function periodFromParams(params: URLSearchParams): { from?: string; to?: string } {
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  return {
    ...(DATE_PATTERN.test(from) ? { from } : {}),
    ...(DATE_PATTERN.test(to) ? { to } : {}),
  };
}
