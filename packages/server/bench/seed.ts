import { createTenant } from '@wijkregie/server/dist/bootstrap/tenant.js';
import type { Db } from '@wijkregie/server/dist/db/db.js';
import { col, execute, idRow, oneRow, rows } from '@wijkregie/server/dist/db/rows.js';
import { hashPassword } from '@wijkregie/server/dist/modules/session/passwords.js';
import type { PartnerKind, Role } from '@wijkregie/shared';
import { z } from 'zod';
import { BENCH_PASSWORD } from './harness.js';
import { CASE_TITLES, ENTRY_FRAGMENTS, FIRST_NAMES, LAST_NAMES, STREETS } from './names.js';

/**
 * Set-based seeding: a few statements with generate_series and INSERT … SELECT instead of
 * thousands of API calls. Pass a Db with a single connection, so `setseed` holds for every
 * statement and two runs produce the same data.
 */

type Access = 'read' | 'write';
interface PartnerSpec {
  key: string;
  name: string;
  kind: PartnerKind;
  matrix: Record<string, Access>;
}

/** Who may read and write what; the measured professional works for the wijkteam. */
const PARTNERS: PartnerSpec[] = [
  {
    key: 'gemeente',
    name: 'Gemeente Wijkstad',
    kind: 'gemeente',
    matrix: {
      basis: 'write',
      zorg: 'read',
      politie: 'read',
      justitie: 'read',
      financien: 'write',
      wonen: 'write',
      jeugd: 'read',
      veiligheid: 'read',
      ondermijning: 'read',
    },
  },
  {
    key: 'politie',
    name: 'Politie basisteam Wijkstad',
    kind: 'politie',
    matrix: { basis: 'read', politie: 'write', veiligheid: 'write', justitie: 'read', ondermijning: 'write' },
  },
  {
    key: 'handhaving',
    name: 'Handhaving',
    kind: 'handhaving',
    matrix: { basis: 'read', veiligheid: 'write', wonen: 'read', ondermijning: 'read' },
  },
  {
    key: 'wijkteam',
    name: 'Wijkteam Centrum',
    kind: 'wijkteam',
    matrix: { basis: 'write', zorg: 'write', jeugd: 'write', financien: 'read', wonen: 'read' },
  },
  { key: 'ggz', name: 'GGZ Wijkstad', kind: 'ggz', matrix: { basis: 'read', zorg: 'write' } },
  {
    key: 'woningcorporatie',
    name: 'Woonstichting Thuis',
    kind: 'woningcorporatie',
    matrix: { basis: 'read', wonen: 'write' },
  },
  {
    key: 'schuldhulp',
    name: 'Schuldhulpmaatje',
    kind: 'schuldhulp',
    matrix: { basis: 'read', financien: 'write' },
  },
  {
    key: 'jeugd',
    name: 'Jeugdbescherming Regio',
    kind: 'jeugd',
    matrix: { basis: 'read', jeugd: 'write', zorg: 'read' },
  },
];
const PROFESSIONALS_PER_PARTNER = 3;

export interface BenchUser {
  id: string;
  email: string;
  partnerId: string;
  roles: Role[];
}

export interface SeedBase {
  tenantId: string;
  partnerIds: string[];
  /** Every user that registers persons and writes entries (regisseurs and professionals). */
  workers: BenchUser[];
  regisseur: BenchUser;
  /** The measured professional (wijkteam): the visibility filter applies to them. */
  professional: BenchUser;
}

export async function seedOrganisation(db: Db): Promise<SeedBase> {
  await execute(db, 'SELECT setseed(0.4242)');
  const tenantId = await createTenant(db, 'Gemeente Wijkstad (benchmark)');
  const hash = await hashPassword(BENCH_PASSWORD);
  const partnerIds: string[] = [];
  const users: BenchUser[] = [];
  const addUser = async (partnerId: string, email: string, name: string, roles: Role[]) => {
    const { id } = await oneRow(
      db,
      idRow,
      `INSERT INTO users (tenant_id, partner_id, email, name, password_hash, roles)
       VALUES ($1::uuid, $2, $3, $4, $5, $6::text[]) RETURNING id`,
      [tenantId, partnerId, email, name, hash, roles],
    );
    const user = { id, email, partnerId, roles };
    users.push(user);
    return user;
  };
  for (const spec of PARTNERS) {
    const { id: partnerId } = await oneRow(
      db,
      idRow,
      'INSERT INTO partners (tenant_id, name, kind) VALUES ($1::uuid, $2, $3) RETURNING id',
      [tenantId, spec.name, spec.kind],
    );
    partnerIds.push(partnerId);
    await execute(
      db,
      `INSERT INTO access_matrix (tenant_id, partner_id, category, access)
       SELECT $1::uuid, $2, m.key, m.value FROM jsonb_each_text($3::jsonb) AS m`,
      [tenantId, partnerId, JSON.stringify(spec.matrix)],
    );
    if (spec.key === 'gemeente') {
      await addUser(partnerId, 'beheer@bench.example', 'Beheerder', ['admin']);
      await addUser(partnerId, 'regie1@bench.example', 'Regisseur Een', ['regisseur']);
      await addUser(partnerId, 'regie2@bench.example', 'Regisseur Twee', ['regisseur']);
      await addUser(partnerId, 'audit@bench.example', 'Auditor', ['auditor']);
    }
    for (let i = 1; i <= PROFESSIONALS_PER_PARTNER; i++) {
      await addUser(partnerId, `${spec.key}${i}@bench.example`, `Professional ${spec.key} ${i}`, [
        'professional',
      ]);
    }
  }
  const workers = users.filter((u) => u.roles.includes('regisseur') || u.roles.includes('professional'));
  const byEmail = (email: string) => {
    const found = users.find((u) => u.email === email);
    if (!found) throw new Error(`seed made no user ${email}`);
    return found;
  };
  return {
    tenantId,
    partnerIds,
    workers,
    regisseur: byEmail('regie1@bench.example'),
    professional: byEmail('wijkteam1@bench.example'),
  };
}

/**
 * `count` persons: names skewed toward the common ones (index ~ n·r^1.3), birth dates 1935–2020,
 * addresses in 100 postal-code areas (2500–2599) of one city, registered by a random worker.
 */
export async function insertPersons(db: Db, base: SeedBase, count: number): Promise<void> {
  await execute(
    db,
    `INSERT INTO persons (tenant_id, first_name, last_name, birth_date, street, house_number, postal_code, city,
                          created_by_user_id, created_by_partner_id, created_at)
     SELECT $1::uuid,
            ($2::text[])[1 + floor(cardinality($2::text[]) * power(r.a, 1.3))::int],
            ($3::text[])[1 + floor(cardinality($3::text[]) * power(r.b, 1.3))::int],
            date '1935-01-01' + floor(r.c * 365 * 85)::int,
            ($4::text[])[1 + floor(r.d * cardinality($4::text[]))::int],
            (1 + floor(r.e * 220))::int::text,
            (2500 + floor(r.f * 100))::int::text || chr(65 + floor(r.g * 26)::int) || chr(65 + floor(r.h * 26)::int),
            'Wijkstad',
            ($5::uuid[])[r.ci], ($6::uuid[])[r.ci],
            now() - r.i * interval '6 years'
       FROM (SELECT random() AS a, random() AS b, random() AS c, random() AS d, random() AS e, random() AS f,
                    random() AS g, random() AS h, random() AS i,
                    1 + floor(random() * cardinality($5::uuid[]))::int AS ci
               FROM generate_series(1, $7::int) OFFSET 0) r`,
    [
      base.tenantId,
      FIRST_NAMES,
      LAST_NAMES,
      STREETS,
      base.workers.map((u) => u.id),
      base.workers.map((u) => u.partnerId),
      count,
    ],
  );
}

/**
 * `count` more cases over the last `years` years (default four), each with 1–3 partners, 1–2 person
 * subjects and 3–7 entries (avg 5) written by a user of a participating partner in a category that
 * partner may write. Incremental: a second call adds cases and numbers on from each year's counter
 * (references YYYY-NNNN, more digits past 9,999 a year, as `nextReference` does), so the bench can grow
 * the same tenant from 20,000 to 200,000 cases.
 */
export async function insertCases(db: Db, base: SeedBase, count: number, years = 4): Promise<void> {
  const perYear = Math.ceil(count / years);
  const firstYear = new Date().getUTCFullYear() - years + 1;
  const t = base.tenantId;
  // The new cases' ids, so the statements after the first touch only them (one connection: the table stays).
  await execute(db, 'CREATE TEMP TABLE bench_new_cases (id uuid PRIMARY KEY)');
  await execute(
    db,
    `WITH added AS (
       INSERT INTO cases (tenant_id, reference, type, title, status, result, director_user_id, created_by_user_id,
                          created_at, updated_at, closed_at)
       SELECT $1::uuid, s.y || '-' || lpad(s.n::text, greatest(4, length(s.n::text)), '0'), s.type, s.title, s.status,
              CASE WHEN s.status = 'closed'
                   THEN (ARRAY['goals_achieved', 'partly_achieved', 'not_achieved', 'transferred', 'stopped'])
                        [1 + floor(s.r * 5)::int] END,
              s.director, s.creator, s.created, least(now(), s.created + s.u * interval '300 days'),
              CASE WHEN s.status = 'closed' THEN least(now(), s.created + s.u * interval '300 days') END
         FROM (SELECT g.y, g.n + coalesce((SELECT k.last FROM case_counters k WHERE k.tenant_id = $1::uuid AND k.year = g.y), 0) AS n,
                      random() AS r, random() AS u,
                      CASE WHEN random() < 0.85 THEN 'person' WHEN random() < 0.7 THEN 'undermining' ELSE 'area' END AS type,
                      ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS title,
                      (ARRAY['registered', 'triage', 'analysis', 'analysis', 'plan', 'plan', 'execution', 'execution',
                             'execution', 'evaluation', 'closed', 'closed'])[1 + floor(random() * 12)::int] AS status,
                      CASE WHEN random() < 0.6 THEN ($3::uuid[])[1 + floor(random() * cardinality($3::uuid[]))::int] END
                        AS director,
                      ($3::uuid[])[1 + floor(random() * cardinality($3::uuid[]))::int] AS creator,
                      least(now() - interval '1 day', make_date(g.y, 1, 1) + random() * interval '364 days') AS created
                 FROM (SELECT $5::int + (i - 1) / $4::int AS y, (i - 1) % $4::int + 1 AS n
                         FROM generate_series(1, $6::int) i) g OFFSET 0) s
       RETURNING id)
     INSERT INTO bench_new_cases SELECT id FROM added`,
    [t, CASE_TITLES, base.workers.map((u) => u.id), perYear, firstYear, count],
  );
  await execute(
    db,
    `INSERT INTO case_counters (tenant_id, year, last)
     SELECT $1::uuid, split_part(reference, '-', 1)::int, max(split_part(reference, '-', 2)::int)
       FROM cases WHERE tenant_id = $1::uuid GROUP BY 1, 2
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = greatest(case_counters.last, excluded.last)`,
    [t],
  );
  const added = 'cases c JOIN bench_new_cases n ON n.id = c.id';
  await execute(
    db,
    `INSERT INTO case_status_history (tenant_id, case_id, from_status, to_status, user_id, at)
     SELECT c.tenant_id, c.id, NULL, 'registered', c.created_by_user_id, c.created_at FROM ${added}`,
  );
  await execute(
    db,
    `INSERT INTO case_partners (tenant_id, case_id, partner_id, added_at)
     SELECT c.tenant_id, c.id, ($1::uuid[])[1 + (c.start + k) % cardinality($1::uuid[])], c.created_at
       FROM (SELECT c.id, c.tenant_id, c.created_at, floor(random() * cardinality($1::uuid[]))::int AS start,
                    1 + floor(random() * 3)::int AS cnt
               FROM ${added} OFFSET 0) c
      CROSS JOIN LATERAL generate_series(0, c.cnt - 1) k`,
    [base.partnerIds],
  );
  await execute(
    db,
    `INSERT INTO case_subjects (tenant_id, case_id, kind, subject_id, position)
     SELECT x.tenant_id, x.id, 'person', p.id, x.k
       FROM (SELECT c.tenant_id, c.id, k, 1 + floor(random() * (SELECT count(*) FROM persons WHERE tenant_id = $1::uuid))::bigint AS pn
               FROM (SELECT c.id, c.tenant_id, 1 + (random() < 0.35)::int AS cnt FROM ${added} OFFSET 0) c
              CROSS JOIN LATERAL generate_series(0, c.cnt - 1) k OFFSET 0) x
       JOIN (SELECT row_number() OVER () AS n, id FROM persons WHERE tenant_id = $1::uuid) p ON p.n = x.pn
     ON CONFLICT DO NOTHING`,
    [t],
  );
  await execute(
    db,
    `WITH cp AS (SELECT cp.case_id, array_agg(cp.partner_id) AS pids
                   FROM case_partners cp JOIN bench_new_cases n ON n.id = cp.case_id GROUP BY cp.case_id),
          pu AS (SELECT partner_id, array_agg(id) AS uids FROM users
                  WHERE tenant_id = $1::uuid AND roles && ARRAY['professional', 'regisseur'] GROUP BY partner_id),
          pc AS (SELECT partner_id, array_agg(category) AS cats FROM access_matrix
                  WHERE tenant_id = $1::uuid AND access = 'write' GROUP BY partner_id),
          x AS MATERIALIZED (
            SELECT c.tenant_id, c.id AS case_id, c.created_at, k,
                   cp.pids[1 + floor(random() * cardinality(cp.pids))::int] AS partner_id,
                   random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
              FROM (SELECT c.id, c.tenant_id, c.created_at, 3 + floor(random() * 5)::int AS n FROM ${added} OFFSET 0) c
              JOIN cp ON cp.case_id = c.id
             CROSS JOIN LATERAL generate_series(1, c.n) k)
     INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, created_at)
     SELECT x.tenant_id, x.case_id, pc.cats[1 + floor(x.r1 * cardinality(pc.cats))::int],
            ($2::text[])[1 + floor(x.r4 * cardinality($2::text[]))::int] || ' ' ||
            ($2::text[])[1 + floor(x.r5 * cardinality($2::text[]))::int],
            pu.uids[1 + floor(x.r2 * cardinality(pu.uids))::int], x.partner_id,
            least(now(), x.created_at + (x.k * 5 + x.r3 * 4) * interval '1 day')
       FROM x JOIN pc ON pc.partner_id = x.partner_id JOIN pu ON pu.partner_id = x.partner_id`,
    [t, ENTRY_FRAGMENTS],
  );
  await execute(db, 'DROP TABLE bench_new_cases');
}

const countsRow = z.object({
  persons: col.int,
  cases: col.int,
  case_partners: col.int,
  case_subjects: col.int,
  entries: col.int,
  users: col.int,
});
export type TableCounts = z.infer<typeof countsRow>;

export async function tableCounts(db: Db): Promise<TableCounts> {
  return oneRow(
    db,
    countsRow,
    `SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM cases)::int AS cases,
            (SELECT count(*) FROM case_partners)::int AS case_partners,
            (SELECT count(*) FROM case_subjects)::int AS case_subjects,
            (SELECT count(*) FROM entries)::int AS entries, (SELECT count(*) FROM users)::int AS users`,
  );
}

/** The case ids the measured professional may see (director, or their partner takes part). */
export async function visibleCaseIds(db: Db, base: SeedBase, user: BenchUser): Promise<string[]> {
  const found = await rows(
    db,
    idRow,
    user.roles.includes('regisseur')
      ? 'SELECT id FROM cases WHERE tenant_id = $1::uuid ORDER BY id'
      : `SELECT c.id FROM cases c WHERE c.tenant_id = $1::uuid
           AND (c.director_user_id = $2 OR EXISTS (SELECT 1 FROM case_partners cp WHERE cp.case_id = c.id AND cp.partner_id = $3))
         ORDER BY c.id`,
    user.roles.includes('regisseur') ? [base.tenantId] : [base.tenantId, user.id, user.partnerId],
  );
  return found.map((r) => r.id);
}

/** Birth dates and postal codes of persons the user's partner registered (so the user finds them). */
const sampleRow = z.object({ birthDate: col.date, postalCode: col.text });

export async function searchSamples(db: Db, user: BenchUser, n: number) {
  return rows(
    db,
    sampleRow,
    `SELECT birth_date::text AS "birthDate", postal_code AS "postalCode" FROM persons
      WHERE created_by_partner_id = $1 ORDER BY last_name, first_name, birth_date
      OFFSET 100 LIMIT $2`,
    [user.partnerId, n],
  );
}

/** A rectangle in WGS84 as GeoJSON: `w` degrees of longitude by `h` of latitude from its south-west corner. */
export const rectangle = (x: number, y: number, w: number, h = w) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
});

const SIGNAL_TEXTS = [
  'Geluidsoverlast van de bovenburen, al weken',
  "Jongeren hangen 's avonds rond bij de ingang",
  'Zorgen om oudere bewoner die niet meer buiten komt',
  'Vervuilde tuin en ongedierte',
  'Betalingsachterstand huur en energie',
  'Verward gedrag in het portiek',
  'Vermoedelijke hennepgeur in de flat',
];

/**
 * `signals` signals (reported by a worker's partner, routed to a random partner), 2,000 meetings with a
 * partner each and 2,000 locations, spread over the partners: for the header search and the lists.
 */
export async function insertOthers(db: Db, base: SeedBase, signals: number): Promise<void> {
  const t = base.tenantId;
  await execute(
    db,
    `INSERT INTO signals (tenant_id, category, description, source, status, street, house_number, postal_code, city,
                          reporter_user_id, reporter_partner_id, routed_partner_id, created_at)
     SELECT $1::uuid, 'woonoverlast', ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int], 'professional',
            (ARRAY['new', 'triage', 'contacted', 'closed'])[1 + floor(random() * 4)::int],
            ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int], (1 + floor(random() * 220))::int::text,
            (2500 + floor(random() * 100))::int::text || 'AB', 'Wijkstad',
            ($4::uuid[])[r.ci], ($5::uuid[])[r.ci], ($6::uuid[])[1 + floor(random() * cardinality($6::uuid[]))::int],
            now() - random() * interval '2 years'
       FROM (SELECT 1 + floor(random() * cardinality($4::uuid[]))::int AS ci FROM generate_series(1, $7::int) OFFSET 0) r`,
    [
      t,
      SIGNAL_TEXTS,
      STREETS,
      base.workers.map((u) => u.id),
      base.workers.map((u) => u.partnerId),
      base.partnerIds,
      signals,
    ],
  );
  await execute(
    db,
    `WITH m AS (
       INSERT INTO meetings (tenant_id, title, kind, starts_at, chair_user_id, created_by_user_id, created_by_partner_id)
       SELECT $1::uuid, (ARRAY['Casusoverleg', 'Wijkoverleg', 'Veiligheidsoverleg', 'Zorgoverleg'])[1 + floor(random() * 4)::int]
                || ' ' || ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
              (ARRAY['case', 'coordination', 'area'])[1 + floor(random() * 3)::int],
              now() - interval '1 year' + random() * interval '18 months', ($3::uuid[])[r.ci], ($3::uuid[])[r.ci],
              ($4::uuid[])[r.ci]
         FROM (SELECT 1 + floor(random() * cardinality($3::uuid[]))::int AS ci FROM generate_series(1, 2000) OFFSET 0) r
       RETURNING tenant_id, id)
     INSERT INTO meeting_partners (tenant_id, meeting_id, partner_id)
     SELECT m.tenant_id, m.id, ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int] FROM m
     ON CONFLICT DO NOTHING`,
    [t, STREETS, base.workers.map((u) => u.id), base.workers.map((u) => u.partnerId), base.partnerIds],
  );
  await execute(
    db,
    `INSERT INTO locations (tenant_id, name, street, house_number, postal_code, city, created_by_user_id, created_by_partner_id)
     SELECT $1::uuid, (ARRAY['Buurthuis', 'Speeltuin', 'Winkelcentrum', 'Sporthal', 'Bushalte'])[1 + floor(random() * 5)::int]
              || ' ' || s.street, s.street, (1 + floor(random() * 220))::int::text,
            (2500 + floor(random() * 100))::int::text || 'CD', 'Wijkstad', ($3::uuid[])[s.ci], ($4::uuid[])[s.ci]
       FROM (SELECT ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] AS street,
                    1 + floor(random() * cardinality($3::uuid[]))::int AS ci
               FROM generate_series(1, 2000) OFFSET 0) s`,
    [t, STREETS, base.workers.map((u) => u.id), base.workers.map((u) => u.partnerId)],
  );
}

/**
 * About two actions per case, each owned by one of the case's partners (some assigned to one of its
 * workers), due from a year ago to three months ahead; most open, some done or cancelled.
 */
export async function insertActions(db: Db, base: SeedBase): Promise<void> {
  await execute(
    db,
    `INSERT INTO actions (tenant_id, case_id, title, owner_partner_id, assignee_user_id, due_date, status, created_by_user_id, created_at)
     SELECT cp.tenant_id, cp.case_id,
            (ARRAY['Huisbezoek afleggen', 'Schuldhulp aanmelden', 'Gesprek met school', 'Woningcontrole', 'Terugkoppeling aan regie'])
              [1 + floor(random() * 5)::int],
            cp.partner_id,
            (SELECT u.id FROM users u WHERE u.tenant_id = cp.tenant_id AND u.partner_id = cp.partner_id
              ORDER BY u.email LIMIT 1),
            (current_date - 365 + floor(random() * 455)::int),
            (ARRAY['open', 'open', 'open', 'done', 'cancelled'])[1 + floor(random() * 5)::int],
            $2::uuid, now() - random() * interval '1 year'
       FROM case_partners cp WHERE cp.tenant_id = $1::uuid AND random() < 0.9`,
    [base.tenantId, base.regisseur.id],
  );
}

/** Three wijken side by side (0.05° wide), each of five buurten in a row (0.01° wide). */
export async function insertCity(db: Db, base: SeedBase): Promise<{ wijken: string[]; buurten: string[] }> {
  const wijken: string[] = [];
  const buurten: string[] = [];
  for (let w = 0; w < 3; w++) {
    const x = 5 + w * 0.05;
    const wijk = await oneRow(
      db,
      idRow,
      `INSERT INTO areas (tenant_id, kind, code, name, geometry) VALUES ($1, 'wijk', $2, $3, $4::jsonb) RETURNING id`,
      [base.tenantId, `WK88880${w + 1}`, `Wijk ${w + 1}`, JSON.stringify(rectangle(x, 52, 0.05, 0.02))],
    );
    wijken.push(wijk.id);
    for (let b = 0; b < 5; b++) {
      const buurt = await oneRow(
        db,
        idRow,
        `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
         VALUES ($1, 'buurt', $2, $3, $4, $5::jsonb) RETURNING id`,
        [
          base.tenantId,
          `BU88880${w + 1}0${b}`,
          `Buurt ${w + 1}.${b + 1}`,
          wijk.id,
          JSON.stringify(rectangle(x + b * 0.01, 52, 0.01, 0.02)),
        ],
      );
      buurten.push(buurt.id);
    }
  }
  return { wijken, buurten };
}

/**
 * `count` incidents over the last two years in the buurten of `insertCity`: a point lies in its buurt's
 * rectangle; a third of them crowd a 300 m spot of the first buurt.
 */
export async function insertIncidents(
  db: Db,
  base: SeedBase,
  buurten: string[],
  count: number,
): Promise<void> {
  await execute(
    db,
    `INSERT INTO incidents (tenant_id, category, occurred_at, lat, lng, area_id, source, external_id)
     SELECT $1::uuid, k.key, now() - random() * interval '730 days',
            CASE WHEN s.hot THEN 52.010 + random() * 0.003 ELSE 52 + random() * 0.02 END,
            CASE WHEN s.hot THEN 5.003 + random() * 0.004 ELSE 5 + (s.b / 5) * 0.05 + (s.b % 5) * 0.01 + random() * 0.01 END,
            ($2::uuid[])[CASE WHEN s.hot THEN 1 ELSE s.b + 1 END], 'politie-bvh', 'B' || s.g
       FROM (SELECT g, random() < 0.33 AS hot, floor(random() * cardinality($2::uuid[]))::int AS b,
                    floor(random() * 10)::int + 1 AS kind FROM generate_series(1, $3::int) g OFFSET 0) s
       JOIN (SELECT key, row_number() OVER (ORDER BY position) AS n FROM incident_categories WHERE tenant_id = $1::uuid) k
         ON k.n = s.kind`,
    [base.tenantId, buurten, count],
  );
}

/** Every case and signal of the tenant in one of `buurten`, at random (the picture counts them per buurt). */
export async function placeInBuurten(db: Db, base: SeedBase, buurten: string[]): Promise<void> {
  for (const table of ['cases', 'signals'])
    await execute(
      db,
      `UPDATE ${table} SET area_id = ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int]
        WHERE tenant_id = $1::uuid`,
      [base.tenantId, buurten],
    );
}

/**
 * Assessments along trends for each row of `people` (SQL answering `case_id`, `person_id`; `$1` is the tenant):
 * about 40 % of the life domains each with a start score and a slope (temp table `bench_trends`, left for the
 * caller), `firstRounds`–`firstRounds + 3` extra assessment moments from fifteen months ago on, each scoring
 * about 90 % of the person's domains along their trend (`noise`: a tenth of the scores a step off).
 */
export async function assessAlongTrends(
  db: Db,
  base: SeedBase,
  people: string,
  firstRounds: number,
  noise: boolean,
): Promise<void> {
  const t = base.tenantId;
  await execute(
    db,
    `CREATE TEMP TABLE bench_trends AS
     SELECT p.case_id, p.person_id, d.key AS domain, 1 + floor(random() * 4)::int AS start,
            (ARRAY[-1, 0, 0, 1, 1])[1 + floor(random() * 5)::int] AS slope
       FROM (${people}) p CROSS JOIN life_domains d
      WHERE d.tenant_id = $1::uuid AND random() < 0.4`,
    [t],
  );
  await execute(
    db,
    `CREATE TEMP TABLE bench_assessments AS
     SELECT gen_random_uuid() AS id, p.case_id, p.person_id, k,
            (current_date - 450 + k * 80 + floor(random() * 40)::int) AS assessed_on
       FROM (SELECT case_id, person_id, $2::int + floor(random() * 4)::int AS last FROM (${people}) q OFFSET 0) p
      CROSS JOIN LATERAL generate_series(0, p.last) k`,
    [t, firstRounds],
  );
  await execute(
    db,
    `INSERT INTO assessments (id, tenant_id, person_id, case_id, assessed_on, author_user_id, author_partner_id, created_at)
     SELECT a.id, $1::uuid, a.person_id, a.case_id, a.assessed_on, $2::uuid, $3::uuid,
            a.assessed_on + interval '10 hours' + random() * interval '6 hours'
       FROM bench_assessments a`,
    [t, base.professional.id, base.professional.partnerId],
  );
  const off = noise
    ? '+ CASE WHEN random() < 0.1 THEN (ARRAY[-1, 1])[1 + floor(random() * 2)::int] ELSE 0 END'
    : '';
  await execute(
    db,
    `INSERT INTO assessment_scores (tenant_id, assessment_id, domain, score, note)
     SELECT $1::uuid, a.id, tr.domain, greatest(1, least(5, tr.start + (tr.slope * a.k) / 2 ${off})),
            CASE WHEN random() < 0.2 THEN 'Besproken met betrokkene' END
       FROM bench_assessments a JOIN bench_trends tr ON tr.case_id = a.case_id
      WHERE random() < 0.9`,
    [t],
  );
  await execute(db, 'DROP TABLE bench_assessments');
}

/**
 * A plan for every person case: its first person assessed 2–5 times over the last fifteen months on
 * about seven of the domains (trends up, flat and down), and 0–3 goals on those domains.
 */
export async function insertPlanData(db: Db, base: SeedBase): Promise<void> {
  const t = base.tenantId;
  await assessAlongTrends(
    db,
    base,
    `SELECT c.id AS case_id, cs.subject_id AS person_id FROM cases c
       JOIN case_subjects cs ON cs.case_id = c.id AND cs.kind = 'person' AND cs.position = 0
      WHERE c.tenant_id = $1::uuid AND c.type = 'person'`,
    1,
    false,
  );
  await execute(
    db,
    `INSERT INTO goals (tenant_id, case_id, domain, subject_kind, subject_id, text, target_score, due_date, created_by_user_id,
                        created_at, updated_at)
     SELECT $1::uuid, g.case_id, g.domain, 'person', g.person_id, 'Doel: de situatie verbetert aantoonbaar',
            least(5, g.start + 1), current_date + floor(random() * 180)::int, $2::uuid, g.at, g.at
       FROM (SELECT tr.*, now() - random() * interval '450 days' AS at FROM bench_trends tr WHERE random() < 0.25) g`,
    [t, base.regisseur.id],
  );
  await execute(db, 'DROP TABLE bench_trends');
}
