import type { Worklist } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { amsterdamDate } from '../../lib/time.js';
import { type WorklistRow, worklist } from './visit-repository.js';

interface Point {
  lat: number;
  lng: number;
}
type Placed = WorklistRow & Point;

/** Equirectangular distance in metres: exact enough at neighbourhood scale. */
const distance = (a: Point, b: Point) =>
  Math.hypot((a.lat - b.lat) * 111_320, (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180));

const placed = (r: WorklistRow): r is Placed => r.lat !== null && r.lng !== null;

/** The index of the candidate nearest to `from` (the first of equals). */
function nearest(from: Point, candidates: readonly Point[]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  candidates.forEach((c, i) => {
    const d = distance(from, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** Nearest neighbour from the first: each next stop is the closest one not yet visited. */
function route(stops: readonly Placed[]): (Placed & { metres: number | null })[] {
  const left = [...stops];
  const out: (Placed & { metres: number | null })[] = [];
  let here: Placed | undefined;
  while (left.length) {
    const [next] = left.splice(here ? nearest(here, left) : 0, 1);
    if (!next) break;
    out.push({ ...next, metres: here ? Math.round(distance(here, next)) : null });
    here = next;
  }
  return out;
}

/**
 * `GET /outreach/worklist`: the day's visits in walking/cycling order — nearest neighbour from the
 * first planned address — each with the reason in plain language. Visits without coordinates come
 * last, in planned order.
 */
export async function getWorklist(ctx: RequestContext, date = amsterdamDate()): Promise<Worklist> {
  const found = await worklist(ctx.db.read, viewerOf(ctx), date);
  const ordered = [
    ...route(found.filter(placed)),
    ...found.filter((r) => !placed(r)).map((r) => ({ ...r, metres: null })),
  ];
  const items = ordered.map((r, i) => ({
    order: i + 1,
    visitId: r.id,
    signalId: r.signal_id,
    reason: `${r.category_label}${r.end_of_supply ? ' — afsluiting dreigt' : ''}: ${r.description}`,
    address: [r.street, r.house_number].filter(Boolean).join(' '),
    postalCode: r.postal_code,
    city: r.city,
    lat: r.lat,
    lng: r.lng,
    metresFromPrevious: r.metres,
    earlierAttempts: r.attempts,
  }));
  await ctx.auditRead([
    {
      action: 'list',
      objectType: 'visit',
      objectIds: items.map((i) => i.visitId),
      details: { worklist: date },
    },
  ]);
  return { date, items, total: items.length };
}
