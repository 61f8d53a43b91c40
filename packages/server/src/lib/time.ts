/** Dates as a Dutch municipality reckons them: Europe/Amsterdam, whatever the server's zone. */
const ZONE = 'Europe/Amsterdam';
const dateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (`YYYY-MM-DD`) in Amsterdam at instant `at`. */
export function amsterdamDate(at: Date = new Date()): string {
  return dateFmt.format(at);
}

const dateTimeFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The wall-clock time in Amsterdam at instant `at` as `YYYY-MM-DD HH:MM:SS` (for files people open in
 * a spreadsheet: a Dutch reader expects local time there, not UTC).
 */
export function amsterdamDateTime(at: Date): string {
  const parts = dateTimeFmt.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday and Sunday of the ISO week that holds `date`. */
export function weekOf(date: string): { from: string; to: string } {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  const from = addDays(date, dow === 0 ? -6 : 1 - dow);
  return { from, to: addDays(from, 6) };
}

/** The instant of 00:00 in Amsterdam on `date` (handles summer and winter time). */
export function amsterdamMidnight(date: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  return new Date(guess.getTime() - amsterdamOffsetMinutes(guess) * 60_000);
}

// One formatter for every call: making one costs more than formatting (an import reads thousands of times).
const offsetFmt = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** Minutes Amsterdam is ahead of UTC at instant `at` (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(at: Date): number {
  const part = offsetFmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The same Amsterdam wall-clock time `days` later: a meeting at 10:00 stays at 10:00 across summer time. */
export function addDaysKeepingLocalTime(at: Date, days: number): Date {
  const wall = at.getTime() + amsterdamOffsetMinutes(at) * 60_000 + days * 86_400_000;
  const guess = new Date(wall - amsterdamOffsetMinutes(at) * 60_000);
  return new Date(wall - amsterdamOffsetMinutes(guess) * 60_000);
}
