/**
 * Meeting times are Dutch local times, whatever the browser's time zone (a laptop on UTC or abroad
 * must not move a meeting): date and time fields read and write Europe/Amsterdam.
 */
const ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The local date (`YYYY-MM-DD`) and time (`HH:MM`) in Amsterdam of an instant. */
export function amsterdamDateTime(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant (ISO, UTC) of a local date and time in Amsterdam, or null when they are no date and time. */
export function fromAmsterdam(date: string, time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(asUtc)) return null;
  // The offset of Amsterdam at that moment (1 or 2 hours), found by reading the guess back; twice,
  // for the hours around a change to or from summer time.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const back = amsterdamDateTime(new Date(guess).toISOString());
    const shown = Date.UTC(
      Number(back.date.slice(0, 4)),
      Number(back.date.slice(5, 7)) - 1,
      Number(back.date.slice(8, 10)),
      Number(back.time.slice(0, 2)),
      Number(back.time.slice(3, 5)),
    );
    guess += asUtc - shown;
  }
  return new Date(guess).toISOString();
}
