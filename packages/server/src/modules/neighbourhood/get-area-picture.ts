import type { AreaPicture, PictureQuery } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField, notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { findArea } from '../areas/repository.js';
import { incidentCategoryExists } from '../incidents/repository.js';
import {
  areaWithBuurten,
  caseCounts,
  hotspots,
  incidentCounts,
  type Period,
  signalCounts,
} from './picture-repository.js';

/** Below this a count about people is not shown (null, "<5"): it could point at a household. */
export const SMALL_COUNT = 5;
const HOTSPOTS = 50;

const shown = (n: number): number | null => (n < SMALL_COUNT ? null : n);

/** The months `YYYY-MM` from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** Without a period: the current month and the eleven before it, up to today. */
function periodOf(q: PictureQuery): Period {
  const to = q.to ?? amsterdamDate();
  if (q.from) return { from: q.from, to };
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7)) - 11;
  const start = m > 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y - 1}-${String(m + 12).padStart(2, '0')}`;
  return { from: `${start}-01`, to };
}

const sum = <T>(items: readonly T[], pick: (t: T) => number) => items.reduce((n, t) => n + pick(t), 0);

/**
 * `GET /areas/:id/picture`: a wijk (with its buurten) or buurt over a period — incidents per month and
 * kind, signals and cases per month, per buurt, and where incidents cluster. With `category` the incident
 * counts (months, buurten, kinds, hotspots) are of that kind only; signals and cases stay as they are. An
 * unknown kind is 400 naming `category`. Counts about people under five are withheld; no name, no record,
 * only numbers. For every logged-in user of the municipality.
 */
export async function getAreaPicture(ctx: RequestContext, id: string, q: PictureQuery): Promise<AreaPicture> {
  const s = ctx.db.read;
  const area = await findArea(s, id);
  if (!area) throw notFound('Dit gebied bestaat niet.');
  const { category } = q;
  if (category !== undefined && !(await incidentCategoryExists(s, category))) {
    throw invalidField('category', 'Deze soort incident kent de gemeente niet');
  }
  const period = periodOf(q);
  const scope = await areaWithBuurten(s, id);
  const ids = scope.map((a) => a.id);
  const [incidents, signals, cases, spots] = [
    await incidentCounts(s, ids, period, category),
    await signalCounts(s, ids, period),
    await caseCounts(s, ids, period),
    await hotspots(s, ids, period, HOTSPOTS, category),
  ];

  const months = monthsBetween(period.from, period.to).map((month) => ({
    month,
    incidents: sum(
      incidents.filter((r) => r.month === month),
      (r) => r.n,
    ),
    signals: shown(
      sum(
        signals.filter((r) => r.month === month),
        (r) => r.n,
      ),
    ),
    casesOpened: shown(
      sum(
        cases.filter((r) => r.what === 'opened' && r.month === month),
        (r) => r.n,
      ),
    ),
    casesClosed: shown(
      sum(
        cases.filter((r) => r.what === 'closed' && r.month === month),
        (r) => r.n,
      ),
    ),
  }));

  const byKind = new Map<string, number>();
  for (const r of incidents) byKind.set(r.category, (byKind.get(r.category) ?? 0) + r.n);
  const byCategory = [...byKind]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));

  // A wijk's buurten; a buurt (or a wijk without buurten) is its own one line.
  const lines =
    area.kind === 'wijk' && scope.length > 1 ? scope.filter((a) => a.id !== id) : scope.slice(0, 1);
  const buurten = lines.map((b) => ({
    id: b.id,
    name: b.name,
    incidents: sum(
      incidents.filter((r) => r.area_id === b.id),
      (r) => r.n,
    ),
    signals: shown(
      sum(
        signals.filter((r) => r.area_id === b.id),
        (r) => r.n,
      ),
    ),
    openCases: shown(
      sum(
        cases.filter((r) => r.what === 'open' && r.area_id === b.id),
        (r) => r.n,
      ),
    ),
  }));

  return {
    area,
    from: period.from,
    to: period.to,
    months,
    byCategory,
    buurten,
    hotspots: spots.map((h) => ({
      lat: Math.round(h.lat * 1e5) / 1e5,
      lng: Math.round(h.lng * 1e5) / 1e5,
      count: h.n,
    })),
  };
}
