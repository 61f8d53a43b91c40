import {
  type Address,
  type CaseSummary,
  type Collection,
  GROUP_CLASSIFICATIONS,
  type GroupClassification,
  type OtherSubjectKind,
  type Person,
  type PersonList,
  type PersonSortField,
  RELATION_TYPES,
  type Relation,
  type RelationType,
  type Sorting,
  SUBJECT_KINDS,
  type Subject,
  type SubjectKind,
  type SubjectRef,
  type SubjectSortField,
} from '@wijkregie/shared';
import { z } from 'zod';
import { caseVisibleSql } from '../../access/cases.js';
import { SUBJECT_TABLES, subjectIdVisibleSql, subjectVisibleSql } from '../../access/subjects.js';
import type { Viewer } from '../../access/viewer.js';
import { orderOf } from '../../db/order.js';
import { type PageRequest, Params, selectPage } from '../../db/params.js';
import { col, countRow, hasRow, idRow, insertedId, oneRow, row, rows } from '../../db/rows.js';
import type { TenantScope } from '../../db/scope.js';
import { searchWords, trigramCandidates, trigramScore } from '../../db/trigram.js';

// Moved to the access room; kept here until the signals module imports it from there.
export { visibleSubjectIds } from '../../access/subjects.js';

const addressCols = z.object({
  street: col.text.nullish(),
  house_number: col.text.nullish(),
  postal_code: col.text.nullish(),
  city: col.text.nullish(),
});
type AddressCols = z.infer<typeof addressCols>;
const addressOf = (r: AddressCols): Address | null =>
  r.street && r.house_number && r.postal_code && r.city
    ? { street: r.street, houseNumber: r.house_number, postalCode: r.postal_code, city: r.city }
    : null;
const addressParams = (a: Address | undefined) => [
  a?.street ?? null,
  a?.houseNumber ?? null,
  a?.postalCode ?? null,
  a?.city ?? null,
];

const personRow = addressCols.extend({
  id: col.uuid,
  first_name: col.text,
  last_name: col.text,
  birth_date: col.date.nullable(),
  bsn: col.text.nullable(),
  created_at: col.timestamp,
});
type PersonRow = z.infer<typeof personRow>;
const PERSON_COLS =
  'p.id, p.first_name, p.last_name, p.birth_date, p.bsn, p.street, p.house_number, p.postal_code, p.city, p.created_at';
export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  bsn: r.bsn,
  address: addressOf(r),
  createdAt: r.created_at.toISOString(),
});

/** Who registers a subject (a request's context is one): their partner may always open it. */
export interface Creator {
  userId: string;
  partnerId: string;
}

export async function insertPerson(
  s: TenantScope,
  p: {
    firstName: string;
    lastName: string;
    birthDate?: string | undefined;
    bsn?: string | undefined;
    address?: Address | undefined;
  },
  by: Creator,
): Promise<Person> {
  const inserted = await oneRow(
    s.q,
    personRow,
    `INSERT INTO persons AS p (tenant_id, first_name, last_name, birth_date, bsn, street, house_number, postal_code, city,
                          created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${PERSON_COLS}`,
    [
      s.tenantId,
      p.firstName,
      p.lastName,
      p.birthDate ?? null,
      p.bsn ?? null,
      ...addressParams(p.address),
      by.userId,
      by.partnerId,
    ],
  );
  return toPerson(inserted);
}

export async function bsnTaken(s: TenantScope, bsn: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM persons WHERE tenant_id = $1 AND bsn = $2', [s.tenantId, bsn]);
}

export async function findPerson(s: TenantScope, id: string, v: Viewer): Promise<Person | undefined> {
  const p = new Params();
  const found = await row(
    s.q,
    personRow,
    `SELECT ${PERSON_COLS} FROM persons p
      WHERE p.tenant_id = ${p.add(s.tenantId)} AND p.id = ${p.add(id)} AND ${subjectVisibleSql('person', 'p', v, p)}`,
    p.values,
  );
  return found ? toPerson(found) : undefined;
}

export interface PersonQuery {
  name?: string | undefined;
  bsn?: string | undefined;
  birthDate?: string | undefined;
  postalCode?: string | undefined;
}

const rankedPersonRow = personRow.extend({ found: col.int });

/** Typo-tolerant search (trigram word similarity on the name), filtered by visibility before paging. */
/** The columns a person list may be sorted on (the name as it is filed: last name first). */
const PERSON_SORT: Record<PersonSortField, string> = {
  name: "lower(p.last_name || ' ' || p.first_name)",
  birthDate: 'p.birth_date',
  postalCode: 'p.postal_code',
  city: 'lower(p.city)',
  createdAt: 'p.created_at',
};

/**
 * At most this many persons are ranked for a name (db/trigram.ts): past it the answer says `more` and the
 * user narrows the query. A page holds at most 200 (`pagingQuery`), so the first page can show them all.
 */
export const PERSON_SEARCH_CAP = 200;

/**
 * Persons the viewer may see that fit the query. With a name: the candidates of `trigramCandidates`
 * (exact matches of every word before near ones, the viewer's visibility and the other parts of the query
 * applied before the cap), best fit first or in the order asked for; `more` when more than the cap fit.
 * Without a name (a birth date, a postal code, a BSN): every match, in name order or the order asked for.
 */
export async function searchPersons(
  s: TenantScope,
  v: Viewer,
  q: PersonQuery,
  page: PageRequest,
  by?: Sorting<PersonSortField>,
): Promise<PersonList> {
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const where: string[] = [];
  if (q.birthDate) where.push(`p.birth_date = ${p.add(q.birthDate)}`);
  if (q.postalCode) where.push(`p.postal_code = ${p.add(q.postalCode)}`);
  if (q.bsn) where.push(`p.bsn = ${p.add(q.bsn)}`);
  where.push(subjectVisibleSql('person', 'p', v, p));
  const words = searchWords(q.name ?? '');
  if (words.length === 0) {
    const { rows: found, total } = await selectPage(
      s.q,
      personRow,
      p,
      {
        select: PERSON_COLS,
        fromWhere: `FROM persons p WHERE p.tenant_id = ${tenant} AND ${where.join(' AND ')}`,
        order: orderOf(by, PERSON_SORT, 'p.last_name, p.first_name, p.id'),
      },
      page,
    );
    return { items: found.map(toPerson), total, more: false };
  }
  const candidates = trigramCandidates(
    { view: 'search_person_names', table: 'persons', alias: 'p', tenant, words, where },
    PERSON_SEARCH_CAP,
    p,
  );
  const score = trigramScore(words, 'p.search_name', p);
  // Asked for another order than the best fit first, the candidates are simply sorted.
  const order = orderOf(by, PERSON_SORT, 'p.score DESC, p.last_name, p.first_name, p.id');
  const from = page.offset;
  const to = Math.min(page.offset + page.limit, PERSON_SEARCH_CAP);
  const ranked = `WITH ${candidates},
     scored AS (SELECT p.*, ${score} AS score FROM candidates c JOIN persons p ON p.tenant_id = ${tenant} AND p.id = c.id),
     ranked AS (SELECT p.*, row_number() OVER (ORDER BY ${order}) AS n FROM scored p)`;
  const counted = [...p.values];
  const found = await rows(
    s.q,
    rankedPersonRow,
    `${ranked}
     SELECT ${PERSON_COLS}, (SELECT count(*) FROM candidates)::int AS found
       FROM ranked p WHERE p.n > ${p.add(from)} AND p.n <= ${p.add(to)} ORDER BY p.n`,
    p.values,
  );
  // Past the last page no row carries the count.
  const fits =
    found[0]?.found ??
    (from === 0
      ? 0
      : (await oneRow(s.q, countRow, `${ranked} SELECT count(*)::int AS n FROM candidates`, counted)).n);
  const items = found.map(toPerson);
  return { items, total: Math.min(fits, PERSON_SEARCH_CAP), more: fits > PERSON_SEARCH_CAP };
}

const labelRow = z.object({ id: col.uuid, label: col.text });

/**
 * Display names of subjects (no visibility check: the caller has checked the case). A case read with
 * `readCase` carries its subjects' names already; this is for the others (lists of cases).
 */
export function subjectLabels(s: TenantScope, refs: readonly SubjectRef[]): Promise<Map<string, string>> {
  const byKind = (k: SubjectKind) => refs.filter((r) => r.kind === k).map((r) => r.id);
  return subjectLabelsByKind(s, {
    person: byKind('person'),
    household: byKind('household'),
    group: byKind('group'),
    location: byKind('location'),
  });
}

/**
 * Display names, by id, of the persons, households, groups and locations with these ids (each kind's
 * ids looked up in its own table; no visibility check: the caller passes only ids the viewer may open).
 */
export async function subjectLabelsByKind(
  s: TenantScope,
  ids: Readonly<Record<SubjectKind, readonly string[]>>,
): Promise<Map<string, string>> {
  const found = await rows(
    s.q,
    labelRow,
    `SELECT id, first_name || ' ' || last_name AS label FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[])
     UNION ALL SELECT id, name FROM households WHERE tenant_id = $1 AND id = ANY($3::uuid[])
     UNION ALL SELECT id, name FROM groups WHERE tenant_id = $1 AND id = ANY($4::uuid[])
     UNION ALL SELECT id, name FROM locations WHERE tenant_id = $1 AND id = ANY($5::uuid[])`,
    [s.tenantId, [...ids.person], [...ids.household], [...ids.group], [...ids.location]],
  );
  return new Map(found.map((r) => [r.id, r.label]));
}

/** The person's stored fields, locked for a change in this transaction (visibility is checked before). */
export async function lockPerson(s: TenantScope, id: string): Promise<Person | undefined> {
  const found = await row(
    s.q,
    personRow,
    `SELECT ${PERSON_COLS} FROM persons p WHERE p.tenant_id = $1 AND p.id = $2 FOR UPDATE`,
    [s.tenantId, id],
  );
  return found ? toPerson(found) : undefined;
}

/** Writes all of a person's own fields (the use case has merged the change into what was there). */
export async function updatePersonRow(
  s: TenantScope,
  id: string,
  p: Pick<Person, 'firstName' | 'lastName' | 'birthDate' | 'bsn' | 'address'>,
): Promise<Person> {
  const updated = await oneRow(
    s.q,
    personRow,
    `UPDATE persons AS p SET first_name = $3, last_name = $4, birth_date = $5, bsn = $6,
            street = $7, house_number = $8, postal_code = $9, city = $10
      WHERE p.tenant_id = $1 AND p.id = $2 RETURNING ${PERSON_COLS}`,
    [s.tenantId, id, p.firstName, p.lastName, p.birthDate, p.bsn, ...addressParams(p.address ?? undefined)],
  );
  return toPerson(updated);
}

/** Whether another person than `id` has this BSN. */
export async function bsnTakenByOther(s: TenantScope, bsn: string, id: string): Promise<boolean> {
  return hasRow(s.q, 'SELECT 1 FROM persons WHERE tenant_id = $1 AND bsn = $2 AND id <> $3', [
    s.tenantId,
    bsn,
    id,
  ]);
}

// Households, groups, locations ------------------------------------------------------------------

export async function insertHousehold(
  s: TenantScope,
  h: { name: string; contactPersonId?: string | undefined; address?: Address | undefined },
  by: Creator,
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO households (tenant_id, name, contact_person_id, street, house_number, postal_code, city,
                             created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [s.tenantId, h.name, h.contactPersonId ?? null, ...addressParams(h.address), by.userId, by.partnerId],
  );
}

export async function insertGroup(
  s: TenantScope,
  g: { name: string; classification?: GroupClassification | undefined },
  by: Creator,
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO groups (tenant_id, name, classification, created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.tenantId, g.name, g.classification ?? null, by.userId, by.partnerId],
  );
}

export async function insertLocation(
  s: TenantScope,
  l: {
    name: string;
    address?: Address | undefined;
    lat?: number | undefined;
    lng?: number | undefined;
    areaId: string | null;
  },
  by: Creator,
): Promise<string> {
  return insertedId(
    s.q,
    `INSERT INTO locations (tenant_id, name, street, house_number, postal_code, city, lat, lng, area_id,
                            created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      s.tenantId,
      l.name,
      ...addressParams(l.address),
      l.lat ?? null,
      l.lng ?? null,
      l.areaId,
      by.userId,
      by.partnerId,
    ],
  );
}

/** A household, group or location row: the columns of `otherCols` for its kind. */
const otherSubjectRow = addressCols.extend({
  id: col.uuid,
  name: col.text,
  created_at: col.timestamp,
  contact_person_id: col.uuid.nullish(),
  classification: z.enum(GROUP_CLASSIFICATIONS).nullish(),
  lat: col.num.nullish(),
  lng: col.num.nullish(),
  area_id: col.uuid.nullish(),
});
type OtherSubjectRow = z.infer<typeof otherSubjectRow>;

/** The columns of a subject row `x`; a household's contact person only when the viewer may open them. */
function otherCols(kind: OtherSubjectKind, v: Viewer, p: Params): string {
  switch (kind) {
    case 'household': {
      const contact = `CASE WHEN ${subjectIdVisibleSql('person', 'x.contact_person_id', 'x.tenant_id', v, p)}
        THEN x.contact_person_id END AS contact_person_id`;
      return `x.id, x.name, x.created_at, ${contact}, x.street, x.house_number, x.postal_code, x.city`;
    }
    case 'group':
      return 'x.id, x.name, x.created_at, x.classification';
    case 'location':
      return 'x.id, x.name, x.created_at, x.street, x.house_number, x.postal_code, x.city, x.lat, x.lng, x.area_id';
  }
}

function toSubject(kind: OtherSubjectKind, r: OtherSubjectRow): Subject {
  const details: Record<string, unknown> =
    kind === 'household'
      ? { contactPersonId: r.contact_person_id ?? null, address: addressOf(r) }
      : kind === 'group'
        ? { classification: r.classification ?? null }
        : { address: addressOf(r), lat: r.lat ?? null, lng: r.lng ?? null, areaId: r.area_id ?? null };
  return { kind, id: r.id, name: r.name, createdAt: r.created_at.toISOString(), details };
}

export async function findOther(
  s: TenantScope,
  kind: OtherSubjectKind,
  id: string,
  v: Viewer,
): Promise<Subject | undefined> {
  const p = new Params();
  const found = await row(
    s.q,
    otherSubjectRow,
    `SELECT ${otherCols(kind, v, p)} FROM ${SUBJECT_TABLES[kind]} x
      WHERE x.tenant_id = ${p.add(s.tenantId)} AND x.id = ${p.add(id)} AND ${subjectVisibleSql(kind, 'x', v, p)}`,
    p.values,
  );
  return found ? toSubject(kind, found) : undefined;
}

const SUBJECT_SORT: Record<SubjectSortField, string> = { name: 'lower(x.name)', createdAt: 'x.created_at' };

export async function listOthers(
  s: TenantScope,
  kind: OtherSubjectKind,
  v: Viewer,
  q: string | undefined,
  page: PageRequest,
  by?: Sorting<SubjectSortField>,
): Promise<Collection<Subject>> {
  const p = new Params();
  const where = [`x.tenant_id = ${p.add(s.tenantId)}`, subjectVisibleSql(kind, 'x', v, p)];
  if (q) where.push(`x.name ILIKE '%' || ${p.add(q)} || '%'`);
  const { rows: found, total } = await selectPage(
    s.q,
    otherSubjectRow,
    p,
    {
      select: (sp) => otherCols(kind, v, sp),
      fromWhere: `FROM ${SUBJECT_TABLES[kind]} x WHERE ${where.join(' AND ')}`,
      order: orderOf(by, SUBJECT_SORT, 'lower(x.name), x.id'),
    },
    page,
  );
  return { items: found.map((r) => toSubject(kind, r)), total };
}

/** A household, group or location's stored fields, all of them, locked for a change in this transaction. */
export interface OtherFields {
  name: string;
  address: Address | null;
  contactPersonId: string | null;
  classification: GroupClassification | null;
  point: { lat: number; lng: number } | null;
  areaId: string | null;
}

const OTHER_FIELD_COLS: Record<OtherSubjectKind, string> = {
  household: 'x.name, x.street, x.house_number, x.postal_code, x.city, x.contact_person_id',
  group: 'x.name, x.classification',
  location: 'x.name, x.street, x.house_number, x.postal_code, x.city, x.lat, x.lng, x.area_id',
};

const otherFieldsRow = addressCols.extend({
  name: col.text,
  contact_person_id: col.uuid.nullish(),
  classification: z.enum(GROUP_CLASSIFICATIONS).nullish(),
  lat: col.num.nullish(),
  lng: col.num.nullish(),
  area_id: col.uuid.nullish(),
});

export async function lockOther(
  s: TenantScope,
  kind: OtherSubjectKind,
  id: string,
): Promise<OtherFields | undefined> {
  const found = await row(
    s.q,
    otherFieldsRow,
    `SELECT ${OTHER_FIELD_COLS[kind]} FROM ${SUBJECT_TABLES[kind]} x
      WHERE x.tenant_id = $1 AND x.id = $2 FOR UPDATE`,
    [s.tenantId, id],
  );
  if (!found) return undefined;
  return {
    name: found.name,
    address: addressOf(found),
    contactPersonId: found.contact_person_id ?? null,
    classification: found.classification ?? null,
    point:
      found.lat !== null && found.lat !== undefined && found.lng !== null && found.lng !== undefined
        ? { lat: found.lat, lng: found.lng }
        : null,
    areaId: found.area_id ?? null,
  };
}

/** Writes the kind's own fields (the use case has merged the change into what was there). */
export async function updateOtherRow(
  s: TenantScope,
  kind: OtherSubjectKind,
  id: string,
  f: OtherFields,
): Promise<void> {
  const address = addressParams(f.address ?? undefined);
  const [sets, values]: [string, unknown[]] =
    kind === 'household'
      ? [
          'name = $3, street = $4, house_number = $5, postal_code = $6, city = $7, contact_person_id = $8',
          [f.name, ...address, f.contactPersonId],
        ]
      : kind === 'group'
        ? ['name = $3, classification = $4', [f.name, f.classification]]
        : [
            'name = $3, street = $4, house_number = $5, postal_code = $6, city = $7, lat = $8, lng = $9, area_id = $10',
            [f.name, ...address, f.point?.lat ?? null, f.point?.lng ?? null, f.areaId],
          ];
  await oneRow(
    s.q,
    idRow,
    `UPDATE ${SUBJECT_TABLES[kind]} SET ${sets} WHERE tenant_id = $1 AND id = $2 RETURNING id`,
    [s.tenantId, id, ...values],
  );
}

/** Whether the person is now a member of the household (`member_of`). */
export async function isMember(s: TenantScope, personId: string, householdId: string): Promise<boolean> {
  return hasRow(
    s.q,
    `SELECT 1 FROM subject_relations WHERE tenant_id = $1 AND from_kind = 'person' AND from_id = $2
        AND relation = 'member_of' AND to_kind = 'household' AND to_id = $3`,
    [s.tenantId, personId, householdId],
  );
}

// Relations --------------------------------------------------------------------------------------

export async function insertRelation(
  s: TenantScope,
  r: { from: SubjectRef; type: RelationType; to: SubjectRef },
  userId: string,
): Promise<Relation> {
  const id = await insertedId(
    s.q,
    `INSERT INTO subject_relations (tenant_id, from_kind, from_id, relation, to_kind, to_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, from_kind, from_id, relation, to_kind, to_id) DO UPDATE SET relation = EXCLUDED.relation
     RETURNING id`,
    [s.tenantId, r.from.kind, r.from.id, r.type, r.to.kind, r.to.id, userId],
  );
  return { id, from: r.from, type: r.type, to: r.to };
}

/** Each of the persons, once, a member (`member_of`) of the household or group `of`; answers the members. */
export async function insertMembers(
  s: TenantScope,
  personIds: readonly string[],
  of: SubjectRef,
  userId: string,
): Promise<string[]> {
  const members = [...new Set(personIds)];
  for (const m of members) {
    await insertRelation(s, { from: { kind: 'person', id: m }, type: 'member_of', to: of }, userId);
  }
  return members;
}

/** A stored relation between two subjects. */
export const relationRow = z.object({
  id: col.uuid,
  from_kind: z.enum(SUBJECT_KINDS),
  from_id: col.uuid,
  relation: z.enum(RELATION_TYPES),
  to_kind: z.enum(SUBJECT_KINDS),
  to_id: col.uuid,
});

type RelationRow = z.infer<typeof relationRow>;
export const toRelation = (r: RelationRow): Relation => ({
  id: r.id,
  from: { kind: r.from_kind, id: r.from_id },
  type: r.relation,
  to: { kind: r.to_kind, id: r.to_id },
});

/**
 * Of the relation rows `r` (held or ended: the same columns), those that touch the subject in either
 * direction and whose other end the viewer may open.
 */
export function touchesSubjectSql(ref: SubjectRef, v: Viewer, p: Params): string {
  const kind = p.add(ref.kind);
  const id = p.add(ref.id);
  const otherVisible = (end: 'from' | 'to') =>
    `CASE r.${end}_kind ${SUBJECT_KINDS.map(
      (k) => `WHEN '${k}' THEN ${subjectIdVisibleSql(k, `r.${end}_id`, 'r.tenant_id', v, p)}`,
    ).join(' ')} END`;
  return `((r.from_kind = ${kind} AND r.from_id = ${id} AND ${otherVisible('to')})
          OR (r.to_kind = ${kind} AND r.to_id = ${id} AND ${otherVisible('from')}))`;
}

/** Relations that touch the subject, in either direction, whose other end the viewer may open. */
export async function relationsOf(s: TenantScope, ref: SubjectRef, v: Viewer): Promise<Relation[]> {
  const p = new Params();
  const found = await rows(
    s.q,
    relationRow,
    `SELECT r.id, r.from_kind, r.from_id, r.relation, r.to_kind, r.to_id FROM subject_relations r
      WHERE r.tenant_id = ${p.add(s.tenantId)} AND ${touchesSubjectSql(ref, v, p)}
      ORDER BY r.created_at, r.id`,
    p.values,
  );
  return found.map(toRelation);
}

const caseSummaryRow = z.object({
  id: col.uuid,
  reference: col.text,
  type: col.text,
  title: col.text,
  status: col.text,
});

/** The cases the viewer sees that have this subject, newest first. */
export async function casesOfSubject(s: TenantScope, v: Viewer, ref: SubjectRef): Promise<CaseSummary[]> {
  const p = new Params();
  return rows(
    s.q,
    caseSummaryRow,
    `SELECT c.id, c.reference, c.type, c.title, c.status FROM cases c
      JOIN case_subjects cs ON cs.case_id = c.id AND cs.kind = ${p.add(ref.kind)} AND cs.subject_id = ${p.add(ref.id)}
     WHERE c.tenant_id = ${p.add(s.tenantId)} AND ${caseVisibleSql('c', v, p)}
     ORDER BY c.created_at DESC`,
    p.values,
  );
}
