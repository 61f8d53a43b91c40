import { z } from 'zod';
import { caseVisibleSql } from '../../access/cases.js';
import { meetingVisibleSql } from '../../access/meetings.js';
import { signalVisibleSql } from '../../access/signals.js';
import { subjectVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { Params } from '../../db/params.js';
import { col, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';

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

/** The words of a query as the search matches them: lower case, two letters or more, at most six. */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 6);
}

/**
 * Every word must be in the text, exactly or nearly (trigram word similarity, as the person search):
 * "jansen dorpstraat" finds Pieter Janssen of the Dorpsstraat. The score sums how well each word fits.
 * A word of two letters has no trigram of its own: through the index it would match nearly every row,
 * so it is checked on an expression the index does not cover, on the rows the longer words find.
 */
function matchWords(text: string, words: readonly string[], p: Params): { where: string; score: string } {
  const where: string[] = [];
  const score: string[] = [];
  for (const w of words) {
    const x = p.add(w);
    const t = w.length >= 3 ? text : `(${text} || '')`;
    where.push(`(${t} LIKE '%' || ${x} || '%' OR ${x} <% ${t})`);
    score.push(`word_similarity(${x}, ${text})`);
  }
  return { where: where.join(' AND '), score: score.join(' + ') };
}

const addressCols = {
  street: col.text.nullable(),
  house_number: col.text.nullable(),
  postal_code: col.text.nullable(),
  city: col.text.nullable(),
};

const personHitRow = z.object({
  id: col.uuid,
  first_name: col.text,
  last_name: col.text,
  birth_date: col.date.nullable(),
  ...addressCols,
});
export type PersonHit = z.infer<typeof personHitRow>;

/** Persons the viewer may see whose name or address fits, best first. */
export async function searchPersonHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<PersonHit[]> {
  const p = new Params();
  const m = matchWords(PERSON_TEXT, words, p);
  return rows(
    s.q,
    personHitRow,
    `SELECT p.id, p.first_name, p.last_name, p.birth_date, p.street, p.house_number, p.postal_code, p.city
       FROM persons p
      WHERE p.tenant_id = ${p.add(s.tenantId)} AND ${m.where} AND ${subjectVisibleSql('person', 'p', v, p)}
      ORDER BY ${m.score} DESC, p.last_name, p.first_name, p.id
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}

const caseHitRow = z.object({ id: col.uuid, reference: col.text, title: col.text });
export type CaseHit = z.infer<typeof caseHitRow>;

/** Cases the viewer sees whose reference or title fits; a reference typed in full comes first. */
export async function searchCaseHits(
  s: TenantScope,
  v: Viewer,
  q: string,
  words: readonly string[],
  limit: number,
): Promise<CaseHit[]> {
  const p = new Params();
  const m = matchWords(CASE_TEXT, words, p);
  const exact = p.add(q.toLowerCase());
  return rows(
    s.q,
    caseHitRow,
    `SELECT c.id, c.reference, c.title FROM cases c
      WHERE c.tenant_id = ${p.add(s.tenantId)} AND ${m.where} AND ${caseVisibleSql('c', v, p)}
      ORDER BY (lower(c.reference) = ${exact}) DESC, ${m.score} DESC, c.updated_at DESC, c.id
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}

const signalHitRow = z.object({
  id: col.uuid,
  description: col.text,
  created_at: col.timestamp,
  ...addressCols,
});
export type SignalHit = z.infer<typeof signalHitRow>;

/** Signals the viewer may see whose description or address fits, best and newest first. */
export async function searchSignalHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<SignalHit[]> {
  const p = new Params();
  const m = matchWords(SIGNAL_TEXT, words, p);
  return rows(
    s.q,
    signalHitRow,
    `SELECT sg.id, sg.description, sg.created_at, sg.street, sg.house_number, sg.postal_code, sg.city
       FROM signals sg
      WHERE sg.tenant_id = ${p.add(s.tenantId)} AND ${m.where} AND ${signalVisibleSql('sg', v, p)}
      ORDER BY ${m.score} DESC, sg.created_at DESC, sg.id
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}

const meetingHitRow = z.object({ id: col.uuid, title: col.text, starts_at: col.timestamp });
export type MeetingHit = z.infer<typeof meetingHitRow>;

/** Meetings the viewer sees whose title fits; of equal fit the latest first. */
export async function searchMeetingHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<MeetingHit[]> {
  const p = new Params();
  const m = matchWords(MEETING_TEXT, words, p);
  return rows(
    s.q,
    meetingHitRow,
    `SELECT m.id, m.title, m.starts_at FROM meetings m
      WHERE m.tenant_id = ${p.add(s.tenantId)} AND ${m.where} AND ${meetingVisibleSql('m', v, p)}
      ORDER BY ${m.score} DESC, m.starts_at DESC, m.id
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}

const locationHitRow = z.object({ id: col.uuid, name: col.text, ...addressCols });
export type LocationHit = z.infer<typeof locationHitRow>;

/** Locations the viewer may see whose name or address fits. */
export async function searchLocationHits(
  s: TenantScope,
  v: Viewer,
  words: readonly string[],
  limit: number,
): Promise<LocationHit[]> {
  const p = new Params();
  const m = matchWords(LOCATION_TEXT, words, p);
  return rows(
    s.q,
    locationHitRow,
    `SELECT l.id, l.name, l.street, l.house_number, l.postal_code, l.city FROM locations l
      WHERE l.tenant_id = ${p.add(s.tenantId)} AND ${m.where} AND ${subjectVisibleSql('location', 'l', v, p)}
      ORDER BY ${m.score} DESC, lower(l.name), l.id
      LIMIT ${p.add(limit)}`,
    p.values,
  );
}
