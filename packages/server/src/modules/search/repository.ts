import { z } from 'zod';
import { caseVisibleSql } from '../../access/cases.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import { signalVisibleSql } from '../../access/signals.js';
import { subjectVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, type RowShape, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { trigramCandidates, trigramScore } from '../../db/trigram.js';

/**
 * The text each kind is matched on. These are the expressions of the trigram indexes of migration
 * 011 (and must stay exactly so, or the planner reads whole tables): a name or title with the address.
 */
const address = (a: string) =>
  `coalesce(${a}.street, '') || ' ' || coalesce(${a}.house_number, '') || ' ' || coalesce(${a}.postal_code, '') || ' ' || coalesce(${a}.city, '')`;
const PERSON_TEXT = `(p.search_name || ' ' || lower(${address('p')}))`;
const CASE_TEXT = `lower(c.reference || ' ' || c.title)`;
const SIGNAL_TEXT = `lower(sg.description || ' ' || ${address('sg')})`;
const MEETING_TEXT = 'lower(m.title)';
const LOCATION_TEXT = `lower(l.name || ' ' || ${address('l')})`;

const addressCols = {
  street: col.text.nullable(),
  house_number: col.text.nullable(),
  postal_code: col.text.nullable(),
  city: col.text.nullable(),
};

/**
 * The candidates ranked per kind (db/trigram.ts): the header search shows the best ten of each kind, so it
 * ranks at most this many rows that fit, exact matches first, instead of every row of a common word.
 */
const HIT_CANDIDATES = 100;

/**
 * The hits of one kind: rows of `from` in the tenant that the viewer may see (`visible`) whose `text` fits
 * every word, best fit first (after `first`, when given), then `tieBreak`; at most `limit`, ranked among at
 * most `HIT_CANDIDATES` candidates.
 */
async function hits<S extends RowShape>(
  s: TenantScope,
  shape: S,
  words: readonly string[],
  limit: number,
  q: {
    select: string;
    from: string;
    alias: string;
    text: string;
    view: string;
    visible: (p: Params) => string;
    first?: (p: Params) => string;
    tieBreak: string;
  },
): Promise<z.output<S>[]> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const candidates = trigramCandidates(
    { view: q.view, table: q.from, alias: q.alias, tenant, words, where: [q.visible(p)] },
    HIT_CANDIDATES,
    p,
  );
  const first = q.first ? `${q.first(p)}, ` : '';
  return rows(
    s.q,
    shape,
    `WITH ${candidates}
     SELECT ${q.select} FROM candidates k JOIN ${q.from} ${q.alias} ON ${q.alias}.tenant_id = ${tenant} AND ${q.alias}.id = k.id
      ORDER BY ${first}${trigramScore(words, q.text, p)} DESC, ${q.tieBreak}
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}

const personHitRow = z.object({
  id: col.uuid,
  first_name: col.text,
  last_name: col.text,
  birth_date: col.date.nullable(),
  ...addressCols,
});
export type PersonHit = z.infer<typeof personHitRow>;

/** Persons the viewer may see whose name or address fits, best first. */
export function searchPersonHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<PersonHit[]> {
  return hits(s, personHitRow, words, limit, {
    select: 'p.id, p.first_name, p.last_name, p.birth_date, p.street, p.house_number, p.postal_code, p.city',
    from: 'persons',
    alias: 'p',
    text: PERSON_TEXT,
    view: 'search_persons',
    visible: (p) => subjectVisibleSql('person', 'p', v, p),
    tieBreak: 'p.last_name, p.first_name, p.id',
  });
}

const caseHitRow = z.object({ id: col.uuid, reference: col.text, title: col.text });
export type CaseHit = z.infer<typeof caseHitRow>;

/** Cases the viewer sees whose reference or title fits; a reference typed in full comes first. */
export function searchCaseHits(
  s: TenantScope,
  v: Viewer,
  q: string,
  words: readonly string[],
  limit: number,
): Promise<CaseHit[]> {
  return hits(s, caseHitRow, words, limit, {
    select: 'c.id, c.reference, c.title',
    from: 'cases',
    alias: 'c',
    text: CASE_TEXT,
    view: 'search_cases',
    visible: (p) => caseVisibleSql('c', v, p),
    first: (p) => `(lower(c.reference) = ${p.add(q.toLowerCase())}) DESC`,
    tieBreak: 'c.updated_at DESC, c.id',
  });
}

const signalHitRow = z.object({
  id: col.uuid,
  description: col.text,
  created_at: col.timestamp,
  ...addressCols,
});
export type SignalHit = z.infer<typeof signalHitRow>;

/** Signals the viewer may see whose description or address fits, best and newest first. */
export function searchSignalHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<SignalHit[]> {
  return hits(s, signalHitRow, words, limit, {
    select: 'sg.id, sg.description, sg.created_at, sg.street, sg.house_number, sg.postal_code, sg.city',
    from: 'signals',
    alias: 'sg',
    text: SIGNAL_TEXT,
    view: 'search_signals',
    visible: (p) => signalVisibleSql('sg', v, p),
    tieBreak: 'sg.created_at DESC, sg.id',
  });
}

const meetingHitRow = z.object({ id: col.uuid, title: col.text, starts_at: col.timestamp });
export type MeetingHit = z.infer<typeof meetingHitRow>;

/** Meetings the viewer sees whose title fits; of equal fit the latest first. */
export function searchMeetingHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<MeetingHit[]> {
  return hits(s, meetingHitRow, words, limit, {
    select: 'm.id, m.title, m.starts_at',
    from: 'meetings',
    alias: 'm',
    text: MEETING_TEXT,
    view: 'search_meetings',
    visible: (p) => meetingVisibleSql('m', v, p),
    tieBreak: 'm.starts_at DESC, m.id',
  });
}

const locationHitRow = z.object({ id: col.uuid, name: col.text, ...addressCols });
export type LocationHit = z.infer<typeof locationHitRow>;

/** Locations the viewer may see whose name or address fits. */
export function searchLocationHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<LocationHit[]> {
  return hits(s, locationHitRow, words, limit, {
    select: 'l.id, l.name, l.street, l.house_number, l.postal_code, l.city',
    from: 'locations',
    alias: 'l',
    text: LOCATION_TEXT,
    view: 'search_locations',
    visible: (p) => subjectVisibleSql('location', 'l', v, p),
    tieBreak: 'lower(l.name), l.id',
  });
}
