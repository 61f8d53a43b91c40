import type {
  Address,
  GroupClassification,
  Person,
  RelationType,
  SubjectKind,
  SubjectRef,
} from '@wijkregie/shared';
import { Params, selectPage } from '../../db/params.js';
import type { TenantScope } from '../../db/scope.js';
import { PREFETCHED_LABELS, type PrefetchedLabels } from '../cases/repository.js';
import { SUBJECT_TABLES, subjectIdVisibleSql, subjectVisibleSql, type Viewer } from '../cases/visibility.js';

interface AddressCols {
  street: string | null;
  house_number: string | null;
  postal_code: string | null;
  city: string | null;
}
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

interface PersonRow extends AddressCols {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  bsn: string | null;
  created_at: Date;
}
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
  const [row] = await s.q.query<PersonRow>(
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
  return toPerson(row!);
}

export async function bsnTaken(s: TenantScope, bsn: string): Promise<boolean> {
  return (
    (await s.q.query('SELECT 1 FROM persons WHERE tenant_id = $1 AND bsn = $2', [s.tenantId, bsn])).length > 0
  );
}

export async function findPerson(s: TenantScope, id: string, v: Viewer): Promise<Person | undefined> {
  const p = new Params();
  const [row] = await s.q.query<PersonRow>(
    `SELECT ${PERSON_COLS} FROM persons p
      WHERE p.tenant_id = ${p.add(s.tenantId)} AND p.id = ${p.add(id)} AND ${subjectVisibleSql('person', 'p', v, p)}`,
    p.values,
  );
  return row ? toPerson(row) : undefined;
}

export interface PersonQuery {
  name?: string | undefined;
  birthDate?: string | undefined;
  postalCode?: string | undefined;
}

/** Typo-tolerant search (trigram word similarity on the name), filtered by visibility before paging. */
export async function searchPersons(
  s: TenantScope,
  v: Viewer,
  q: PersonQuery,
  page: { limit: number; offset: number },
): Promise<{ items: Person[]; total: number }> {
  const p = new Params();
  const where = [`p.tenant_id = ${p.add(s.tenantId)}`];
  const similarity: string[] = [];
  if (q.name) {
    // Every word must be in the name, exactly or nearly (trigram word similarity): "pieter janssen"
    // finds "Pieter Jansen" but not every "Pieter". Each word narrows the index scan.
    const words = [
      ...new Set(
        q.name
          .toLowerCase()
          .split(/\s+/)
          .filter((w) => w.length >= 2),
      ),
    ].slice(0, 6);
    for (const w of words) {
      const x = p.add(w);
      // A word of two letters has no trigram of its own: through the index it would match nearly
      // every name ("de" in 1M names: a full index scan). It stays a condition, checked on the rows
      // the longer words find, on an expression the index does not cover.
      const name = w.length >= 3 ? 'p.search_name' : "(p.search_name || '')";
      where.push(`(${name} LIKE '%' || ${x} || '%' OR ${x} <% ${name})`);
      similarity.push(`word_similarity(${x}, p.search_name)`);
    }
  }
  if (q.birthDate) where.push(`p.birth_date = ${p.add(q.birthDate)}`);
  if (q.postalCode) where.push(`p.postal_code = ${p.add(q.postalCode)}`);
  where.push(subjectVisibleSql('person', 'p', v, p));
  const fromWhere = `FROM persons p WHERE ${where.join(' AND ')}`;
  if (similarity.length === 0) {
    const { rows, total } = await selectPage<PersonRow>(
      s.q,
      p,
      { select: PERSON_COLS, fromWhere, order: 'p.last_name, p.first_name, p.id' },
      page,
    );
    return { items: rows.map(toPerson), total };
  }
  // A name can match thousands of persons, all of which are ranked and counted. Only the narrow
  // sort keys of the matches are kept (a window count would carry every whole row along and spill
  // to disk); the page's rows are fetched afterwards by id.
  const filterParams = [...p.values];
  const rows = await s.q.query<PersonRow & { total: number }>(
    `WITH m AS MATERIALIZED (
       SELECT p.id, ${similarity.join(' + ')} AS score, p.last_name, p.first_name ${fromWhere}),
     top AS (
       SELECT * FROM m ORDER BY score DESC, last_name, first_name, id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)})
     SELECT ${PERSON_COLS}, (SELECT count(*) FROM m) AS total
       FROM top JOIN persons p ON p.tenant_id = $1 AND p.id = top.id
      ORDER BY top.score DESC, top.last_name, top.first_name, top.id`,
    p.values,
  );
  if (rows.length > 0 || page.offset === 0) {
    return { items: rows.map(toPerson), total: rows.length > 0 ? Number(rows[0]!.total) : 0 };
  }
  const [count] = await s.q.query<{ n: number }>(`SELECT count(*)::int AS n ${fromWhere}`, filterParams);
  return { items: [], total: count?.n ?? 0 };
}

/** The ids among `ids` of that kind that exist in the tenant and that the viewer may see. */
export async function visibleSubjectIds(
  s: TenantScope,
  kind: SubjectKind,
  ids: readonly string[],
  v: Viewer,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const p = new Params();
  const rows = await s.q.query<{ id: string }>(
    `SELECT x.id FROM ${SUBJECT_TABLES[kind]} x
      WHERE x.tenant_id = ${p.add(s.tenantId)} AND x.id = ANY(${p.add([...new Set(ids)])}::uuid[])
        AND ${subjectVisibleSql(kind, 'x', v, p)}`,
    p.values,
  );
  return new Set(rows.map((r) => r.id));
}

/** The ids among `refs` (of any kind) that the viewer may open: one query for all kinds. */
export async function visibleSubjectRefs(
  s: TenantScope,
  refs: readonly SubjectRef[],
  v: Viewer,
): Promise<Set<string>> {
  const kinds = (['person', 'household', 'group', 'location'] as const).filter((k) =>
    refs.some((r) => r.kind === k),
  );
  if (kinds.length === 0) return new Set();
  const p = new Params();
  const tenant = p.add(s.tenantId);
  const rows = await s.q.query<{ id: string }>(
    kinds
      .map((k) => {
        const ids = p.add([...new Set(refs.filter((r) => r.kind === k).map((r) => r.id))]);
        return `SELECT x.id FROM ${SUBJECT_TABLES[k]} x
          WHERE x.tenant_id = ${tenant} AND x.id = ANY(${ids}::uuid[]) AND ${subjectVisibleSql(k, 'x', v, p)}`;
      })
      .join(' UNION ALL '),
    p.values,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Display names of subjects (no visibility check: the caller has checked the case). When `findCase`
 * read these subjects' names in this scope already, they come from there without a query.
 */
export async function subjectLabels(
  s: TenantScope,
  refs: readonly SubjectRef[],
): Promise<Map<string, string>> {
  const known = s.prefetched.get(PREFETCHED_LABELS) as PrefetchedLabels | undefined;
  if (known && refs.every((r) => known.ids.has(r.id))) {
    const out = new Map<string, string>();
    for (const r of refs) {
      const label = known.labels.get(r.id);
      if (label !== undefined) out.set(r.id, label);
    }
    return out;
  }
  const byKind = (k: SubjectKind) => refs.filter((r) => r.kind === k).map((r) => r.id);
  const rows = await s.q.query<{ id: string; label: string }>(
    `SELECT id, first_name || ' ' || last_name AS label FROM persons WHERE tenant_id = $1 AND id = ANY($2::uuid[])
     UNION ALL SELECT id, name FROM households WHERE tenant_id = $1 AND id = ANY($3::uuid[])
     UNION ALL SELECT id, name FROM groups WHERE tenant_id = $1 AND id = ANY($4::uuid[])
     UNION ALL SELECT id, name FROM locations WHERE tenant_id = $1 AND id = ANY($5::uuid[])`,
    [s.tenantId, byKind('person'), byKind('household'), byKind('group'), byKind('location')],
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}

// Households, groups, locations ------------------------------------------------------------------

export interface SubjectSummary {
  kind: SubjectKind;
  id: string;
  name: string;
  createdAt: string;
  details: Record<string, unknown>;
}

export async function insertHousehold(
  s: TenantScope,
  h: { name: string; contactPersonId: string; address?: Address | undefined },
  by: Creator,
): Promise<string> {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO households (tenant_id, name, contact_person_id, street, house_number, postal_code, city,
                             created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [s.tenantId, h.name, h.contactPersonId, ...addressParams(h.address), by.userId, by.partnerId],
  );
  return row!.id;
}

export async function insertGroup(
  s: TenantScope,
  g: { name: string; classification: GroupClassification },
  by: Creator,
): Promise<string> {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO groups (tenant_id, name, classification, created_by_user_id, created_by_partner_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [s.tenantId, g.name, g.classification, by.userId, by.partnerId],
  );
  return row!.id;
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
  const [row] = await s.q.query<{ id: string }>(
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
  return row!.id;
}

interface OtherSubjectRow extends AddressCols {
  id: string;
  name: string;
  created_at: Date;
  contact_person_id?: string | null;
  classification?: string;
  lat?: number | null;
  lng?: number | null;
  area_id?: string | null;
}

/** The columns of a subject row `x`; a household's contact person only when the viewer may open them. */
function otherCols(kind: Exclude<SubjectKind, 'person'>, v: Viewer, p: Params): string {
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

function toSummary(kind: Exclude<SubjectKind, 'person'>, r: OtherSubjectRow): SubjectSummary {
  const details: Record<string, unknown> =
    kind === 'household'
      ? { contactPersonId: r.contact_person_id ?? null, address: addressOf(r) }
      : kind === 'group'
        ? { classification: r.classification }
        : { address: addressOf(r), lat: r.lat ?? null, lng: r.lng ?? null, areaId: r.area_id ?? null };
  return { kind, id: r.id, name: r.name, createdAt: r.created_at.toISOString(), details };
}

export async function findOther(
  s: TenantScope,
  kind: Exclude<SubjectKind, 'person'>,
  id: string,
  v: Viewer,
): Promise<SubjectSummary | undefined> {
  const p = new Params();
  const [row] = await s.q.query<OtherSubjectRow>(
    `SELECT ${otherCols(kind, v, p)} FROM ${SUBJECT_TABLES[kind]} x
      WHERE x.tenant_id = ${p.add(s.tenantId)} AND x.id = ${p.add(id)} AND ${subjectVisibleSql(kind, 'x', v, p)}`,
    p.values,
  );
  return row ? toSummary(kind, row) : undefined;
}

export async function listOthers(
  s: TenantScope,
  kind: Exclude<SubjectKind, 'person'>,
  v: Viewer,
  q: string | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: SubjectSummary[]; total: number }> {
  const p = new Params();
  const where = [`x.tenant_id = ${p.add(s.tenantId)}`, subjectVisibleSql(kind, 'x', v, p)];
  if (q) where.push(`x.name ILIKE '%' || ${p.add(q)} || '%'`);
  const { rows, total } = await selectPage<OtherSubjectRow>(
    s.q,
    p,
    {
      select: (sp) => otherCols(kind, v, sp),
      fromWhere: `FROM ${SUBJECT_TABLES[kind]} x WHERE ${where.join(' AND ')}`,
      order: 'lower(x.name), x.id',
    },
    page,
  );
  return { items: rows.map((r) => toSummary(kind, r)), total };
}

// Relations --------------------------------------------------------------------------------------

export interface Relation {
  id: string;
  from: SubjectRef;
  type: RelationType;
  to: SubjectRef;
}

export async function insertRelation(
  s: TenantScope,
  r: { from: SubjectRef; type: RelationType; to: SubjectRef },
  userId: string,
): Promise<Relation> {
  const [row] = await s.q.query<{ id: string }>(
    `INSERT INTO subject_relations (tenant_id, from_kind, from_id, relation, to_kind, to_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, from_kind, from_id, relation, to_kind, to_id) DO UPDATE SET relation = EXCLUDED.relation
     RETURNING id`,
    [s.tenantId, r.from.kind, r.from.id, r.type, r.to.kind, r.to.id, userId],
  );
  return { id: row!.id, ...r };
}

/** Relations that touch the subject, in either direction, whose other end the viewer may open. */
export async function relationsOf(s: TenantScope, ref: SubjectRef, v: Viewer): Promise<Relation[]> {
  const p = new Params();
  const kind = p.add(ref.kind);
  const id = p.add(ref.id);
  const otherVisible = (end: 'from' | 'to') =>
    `CASE r.${end}_kind ${(['person', 'household', 'group', 'location'] as const)
      .map((k) => `WHEN '${k}' THEN ${subjectIdVisibleSql(k, `r.${end}_id`, 'r.tenant_id', v, p)}`)
      .join(' ')} END`;
  const rows = await s.q.query<{
    id: string;
    from_kind: SubjectKind;
    from_id: string;
    relation: RelationType;
    to_kind: SubjectKind;
    to_id: string;
  }>(
    `SELECT r.id, r.from_kind, r.from_id, r.relation, r.to_kind, r.to_id FROM subject_relations r
      WHERE r.tenant_id = ${p.add(s.tenantId)}
        AND ((r.from_kind = ${kind} AND r.from_id = ${id} AND ${otherVisible('to')})
          OR (r.to_kind = ${kind} AND r.to_id = ${id} AND ${otherVisible('from')}))
      ORDER BY r.created_at, r.id`,
    p.values,
  );
  return rows.map((r) => ({
    id: r.id,
    from: { kind: r.from_kind, id: r.from_id },
    type: r.relation,
    to: { kind: r.to_kind, id: r.to_id },
  }));
}

/** The buurt (or else wijk) whose polygon holds the point; the smallest area wins. */
export async function areaAt(s: TenantScope, lat: number, lng: number): Promise<string | null> {
  const areas = await s.q.query<{
    id: string;
    kind: string;
    geometry: { type: string; coordinates: number[][][] };
  }>('SELECT id, kind, geometry FROM areas WHERE tenant_id = $1', [s.tenantId]);
  const hit = areas
    .filter((a) => a.geometry.type === 'Polygon' && inPolygon(lng, lat, a.geometry.coordinates))
    .sort((a, b) => (a.kind === 'buurt' ? 0 : 1) - (b.kind === 'buurt' ? 0 : 1));
  return hit[0]?.id ?? null;
}

/** Ray casting over the outer ring, minus holes. */
export function inPolygon(x: number, y: number, rings: number[][][]): boolean {
  const inRing = (ring: number[][]) => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  const [outer, ...holes] = rings;
  return !!outer && inRing(outer) && !holes.some(inRing);
}
