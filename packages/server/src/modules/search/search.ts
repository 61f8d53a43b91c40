import {
  hasPermission,
  type Permission,
  type SearchItem,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import { searchWords } from '../../db/trigram.js';
import type { AuditEvent, RequestContext } from '../../http/context.js';
import {
  searchCaseHits,
  searchLocationHits,
  searchMeetingHits,
  searchPersonHits,
  searchSignalHits,
} from './repository.js';

/** Hits per kind: enough to recognise what you look for, few enough for the header's page to stay a list. */
export const SEARCH_LIMIT = 10;

/** The permission that lets a user search each kind (what they then find is decided per record). */
const NEEDS: Record<SearchKind, Permission> = {
  person: 'subjects.read',
  case: 'cases.read',
  signal: 'signals.read',
  meeting: 'meetings.read',
  location: 'subjects.read',
};

const amsterdam = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');
const addressText = (a: { street: string | null; house_number: string | null; city: string | null }) =>
  [[a.street, a.house_number].filter(Boolean).join(' '), a.city].filter(Boolean).join(', ');
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');
const shortened = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/**
 * `GET /search?q=`: persons (by name, typo-tolerant, or address), cases (by reference or title),
 * signals (by description or address), meetings (by title) and locations (by name or address) — only
 * those the caller may open, filtered in SQL before the limit, each kind ranked best first. The
 * search is a read of the persons it returns and is audited as the person search is.
 */
export async function search(ctx: RequestContext, { q }: SearchQuery): Promise<SearchResult> {
  const words = searchWords(q);
  const may = (kind: SearchKind) => words.length > 0 && hasPermission(ctx, NEEDS[kind]);
  const s = ctx.db.read;
  const v = viewerOf(ctx);
  const none = Promise.resolve([]);
  const [persons, cases, signals, meetings, locations] = await Promise.all([
    may('person') ? searchPersonHits(s, v, words, SEARCH_LIMIT) : none,
    may('case') ? searchCaseHits(s, v, q, words, SEARCH_LIMIT) : none,
    may('signal') ? searchSignalHits(s, v, words, SEARCH_LIMIT) : none,
    may('meeting') ? searchMeetingHits(s, v, words, SEARCH_LIMIT) : none,
    may('location') ? searchLocationHits(s, v, words, SEARCH_LIMIT) : none,
  ]);

  const items: SearchItem[] = [
    ...persons.map((p) => ({
      kind: 'person' as const,
      id: p.id,
      label: joined(
        `${p.first_name} ${p.last_name}`,
        p.birth_date && `geboren ${dutchDate(p.birth_date)}`,
        addressText(p),
      ),
    })),
    ...cases.map((c) => ({ kind: 'case' as const, id: c.id, label: `${c.reference} ${c.title}` })),
    ...signals.map((sg) => ({
      kind: 'signal' as const,
      id: sg.id,
      label: joined(shortened(sg.description), addressText(sg)),
    })),
    ...meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      label: joined(m.title, amsterdam.format(m.starts_at)),
    })),
    ...locations.map((l) => ({ kind: 'location' as const, id: l.id, label: joined(l.name, addressText(l)) })),
  ];

  const personIds = persons.map((p) => p.id);
  const events: AuditEvent[] = [];
  if (may('person')) {
    events.push({
      action: 'search',
      objectType: 'person',
      objectIds: personIds,
      personIds,
      details: { q, total: personIds.length },
    });
  }
  for (const [kind, found] of [
    ['case', cases],
    ['signal', signals],
    ['meeting', meetings],
    ['location', locations],
  ] as const) {
    if (found.length > 0) {
      const ids = found.map((x) => x.id);
      events.push({ action: 'search', objectType: kind, objectIds: ids, details: { q, total: ids.length } });
    }
  }
  if (events.length > 0) await ctx.auditRead(events);
  return { items };
}
