/**
 * `BENCH_ONLY=plans npm run bench`: the plan of approach on PostgreSQL. Seeds 10,000 persons, each
 * with a person case (partners, a buurt, some closed with a result) and 3–6 assessments over the
 * last fifteen months scoring about seven domains each (trends up, flat and down), and one person
 * with 20 assessments in a case with goals, actions tied to them and evaluations — made through the
 * API, which checks those routes on the way. Then it measures, at 10 connections and sequentially:
 *   - GET /cases/{id}/plan and GET /persons/{id}/assessments of that person, as the wijkteam
 *     professional (the matrix filters the domains) and as a regisseur;
 *   - GET /outcomes over the 10,000 persons (regisseur only), the whole municipality and one wijk.
 * Then the outcomes statement alone, seven times from the bench process (its cost without HTTP), and
 * the load average, since the machine may be busy with other work.
 * Targets (issue 12): plan and assessment history p95 < 50 ms; outcomes p95 < 1 s (sequential).
 *
 * Knobs: DATABASE_URL, BENCH_PLAN_PERSONS (10000), BENCH_DURATION (10 s), BENCH_WARMUP (2 s).
 */
import { loadavg } from 'node:os';
import { migrate } from '@wijkregie/server/dist/db/migrate.js';
import { col, execute, idRow, oneRow } from '@wijkregie/server/dist/db/rows.js';
import { TenantScope } from '@wijkregie/server/dist/db/scope.js';
import { addDays, amsterdamDate } from '@wijkregie/server/dist/lib/time.js';
import { domainOutcomes } from '@wijkregie/server/dist/modules/outcomes/repository.js';
import {
  actionSchema,
  assessmentListSchema,
  assessmentSchema,
  caseSchema,
  evaluationSchema,
  goalSchema,
  outcomesSchema,
  personSchema,
  planSchema,
} from '@wijkregie/shared';
import { z } from 'zod';
import { callAs, freshDatabase, login, num, openBenchDb, runBench, startServer } from './harness.js';
import { type LoadResult, measure } from './load.js';
import { CASE_TITLES } from './names.js';
import { log, secs } from './proc.js';
import { compact, fmt, headline, loadTable, machine, type Target, targetLines, writeJson } from './report.js';
import { assessAlongTrends, insertPersons, rectangle, type SeedBase, seedOrganisation } from './seed.js';

const PERSONS = num('BENCH_PLAN_PERSONS', 10_000);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const TARGET_READ_P95 = 50;
const TARGET_OUTCOMES_P95 = 1000;
/** The domains of the `zorg` category, which the measured wijkteam professional writes. */
const CARE_DOMAINS = [
  'werk_opleiding',
  'tijdsbesteding',
  'huiselijke_relaties',
  'geestelijke_gezondheid',
  'lichamelijke_gezondheid',
  'middelengebruik',
  'basale_adl',
  'instrumentele_adl',
  'sociaal_netwerk',
  'maatschappelijke_participatie',
];

/** Two wijken of four buurten each; answers the wijken's and the buurten's ids. */
async function insertAreas(db: Parameters<typeof insertPersons>[0], base: SeedBase) {
  const wijken: string[] = [];
  const buurten: string[] = [];
  for (let w = 0; w < 2; w++) {
    const wijk = await oneRow(
      db,
      idRow,
      `INSERT INTO areas (tenant_id, kind, code, name, geometry) VALUES ($1, 'wijk', $2, $3, $4::jsonb) RETURNING id`,
      [base.tenantId, `WK99990${w + 1}`, `Wijk ${w + 1}`, JSON.stringify(rectangle(5 + w * 0.1, 52, 0.1))],
    );
    wijken.push(wijk.id);
    for (let b = 0; b < 4; b++) {
      const buurt = await oneRow(
        db,
        idRow,
        `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
         VALUES ($1, 'buurt', $2, $3, $4, $5::jsonb) RETURNING id`,
        [
          base.tenantId,
          `BU99990${w + 1}0${b + 1}`,
          `Buurt ${w + 1}.${b + 1}`,
          wijk.id,
          JSON.stringify(rectangle(5 + w * 0.1 + (b % 2) * 0.05, 52 + Math.floor(b / 2) * 0.05, 0.05)),
        ],
      );
      buurten.push(buurt.id);
    }
  }
  return { wijken, buurten };
}

/**
 * One person case per person (references over four years), with 1–3 partners, a buurt, 15% closed in
 * the last year with an outcome; then 3–6 assessments per person over the last fifteen months, each
 * scoring the person's domains (about seven of seventeen) along a trend of their own.
 */
async function insertPlans(db: Parameters<typeof insertPersons>[0], base: SeedBase, buurten: string[]) {
  const t = base.tenantId;
  const firstYear = new Date().getUTCFullYear() - 3;
  await execute(
    db,
    `CREATE TEMP TABLE bench_cases AS
     SELECT gen_random_uuid() AS id, p.id AS person_id, p.n,
            $2::int + (p.n - 1) / 2500 AS y, (p.n - 1) % 2500 + 1 AS seq, random() < 0.15 AS closed,
            ($3::uuid[])[1 + floor(random() * cardinality($3::uuid[]))::int] AS area_id,
            ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] AS title,
            now() - interval '600 days' + random() * interval '120 days' AS created_at,
            now() - random() * interval '360 days' AS closed_at
       FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM persons WHERE tenant_id = $1::uuid) p`,
    [t, firstYear, buurten, CASE_TITLES],
  );
  await execute(
    db,
    `INSERT INTO cases (id, tenant_id, reference, type, title, status, result, result_text, director_user_id, area_id,
                        created_by_user_id, created_at, updated_at, closed_at)
     SELECT b.id, $1::uuid, b.y || '-' || lpad(b.seq::text, 4, '0'), 'person', b.title,
            CASE WHEN b.closed THEN 'closed'
                 ELSE (ARRAY['analysis', 'plan', 'execution', 'execution', 'evaluation'])[1 + floor(random() * 5)::int] END,
            CASE WHEN b.closed THEN (ARRAY['goals_achieved', 'partly_achieved', 'not_achieved', 'transferred', 'stopped'])
                                    [1 + floor(random() * 5)::int] END,
            CASE WHEN b.closed THEN 'Afgesloten in de benchmark' END,
            ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int], b.area_id, $3::uuid, b.created_at,
            CASE WHEN b.closed THEN b.closed_at ELSE now() END, CASE WHEN b.closed THEN b.closed_at END
       FROM bench_cases b`,
    [t, base.workers.map((u) => u.id), base.regisseur.id],
  );
  await execute(
    db,
    `INSERT INTO case_counters (tenant_id, year, last)
     SELECT $1::uuid, y, max(seq) FROM bench_cases GROUP BY y
     ON CONFLICT (tenant_id, year) DO UPDATE SET last = greatest(case_counters.last, excluded.last)`,
    [t],
  );
  await execute(
    db,
    `INSERT INTO case_subjects (tenant_id, case_id, kind, subject_id, position)
     SELECT $1::uuid, id, 'person', person_id, 0 FROM bench_cases`,
    [t],
  );
  await execute(
    db,
    `INSERT INTO case_partners (tenant_id, case_id, partner_id, added_at)
     SELECT $1::uuid, c.id, ($2::uuid[])[1 + (c.start + k) % cardinality($2::uuid[])], c.created_at
       FROM (SELECT id, created_at, floor(random() * cardinality($2::uuid[]))::int AS start,
                    1 + floor(random() * 3)::int AS cnt FROM bench_cases OFFSET 0) c
      CROSS JOIN LATERAL generate_series(0, c.cnt - 1) k`,
    [t, base.partnerIds],
  );
  // Each person's domains and their trend, then 3–6 assessment moments, then the scores (a tenth a step off).
  await assessAlongTrends(
    db,
    base,
    'SELECT c.id AS case_id, b.person_id FROM bench_cases b JOIN cases c ON c.tenant_id = $1::uuid AND c.id = b.id',
    2,
    true,
  );
}

const countsRow = z.object({ assessments: col.int, scores: col.int, cases: col.int, closed: col.int });

interface Measured extends LoadResult {
  what: 'plan' | 'assessments' | 'outcomes';
}

async function main(): Promise<boolean> {
  const startLoad = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const database = await freshDatabase('plans');
  log(`PostgreSQL ${database.version}, database ${database.name}`);
  const db = await openBenchDb(database, 1);
  await migrate(db);
  const seedStart = performance.now();
  const base = await seedOrganisation(db);
  await insertPersons(db, base, PERSONS);
  const { wijken, buurten } = await insertAreas(db, base);
  await insertPlans(db, base, buurten);
  await execute(db, 'VACUUM ANALYZE');
  const counts = await oneRow(
    db,
    countsRow,
    `SELECT (SELECT count(*) FROM assessments)::int AS assessments, (SELECT count(*) FROM assessment_scores)::int AS scores,
            (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM cases WHERE status = 'closed')::int AS closed`,
  );
  const seedS = secs(seedStart);
  log(
    `seed: ${PERSONS} personen, ${counts.cases} casussen (${counts.closed} afgesloten), ${counts.assessments} scoremomenten, ${counts.scores} scores in ${seedS} s`,
  );

  const server = await startServer(database, 'beheer-eerste@bench.example');
  const api = server.base;
  const prof = await login(api, base.professional.email);
  const reg = await login(api, base.regisseur.email);

  // The one person with 20 assessments, in a case the wijkteam works in, made through the API.
  let t = performance.now();
  const person = await callAs(personSchema, api, 'POST', '/api/v1/persons', prof, {
    firstName: 'Twintig',
    lastName: 'Scoremomenten',
    birthDate: '1984-05-17',
  });
  const personId = person.id;
  const created = await callAs(caseSchema, api, 'POST', '/api/v1/cases', prof, {
    type: 'person',
    title: 'Benchmark: persoon met twintig scoremomenten',
    subjects: [{ kind: 'person', id: personId }],
    partnerIds: [...new Set([base.professional.partnerId, ...base.partnerIds.slice(0, 2)])],
    areaId: buurten[0],
  });
  const caseId = created.id;
  const today = amsterdamDate();
  for (let i = 0; i < 20; i++) {
    await callAs(assessmentSchema, api, 'POST', `/api/v1/persons/${personId}/assessments`, prof, {
      caseId,
      date: addDays(today, -30 * (19 - i)),
      scores: CARE_DOMAINS.map((domain, d) => ({
        domain,
        score: Math.min(5, Math.max(1, 1 + ((d + Math.floor(i / 4)) % 5))),
        note: i % 3 === 0 ? 'Besproken in het huisbezoek' : null,
      })),
    });
  }
  const goals = [];
  for (const [i, domain] of CARE_DOMAINS.slice(0, 8).entries()) {
    goals.push(
      await callAs(goalSchema, api, 'POST', `/api/v1/cases/${caseId}/goals`, prof, {
        domain,
        subjectId: personId,
        text: `Doel ${i + 1}: de situatie verbetert aantoonbaar`,
        targetScore: 4,
        dueDate: addDays(today, 30 * (i + 1)),
      }),
    );
  }
  for (const [i, goal] of goals.entries()) {
    for (let k = 0; k < 2; k++) {
      await callAs(actionSchema, api, 'POST', `/api/v1/cases/${caseId}/actions`, prof, {
        title: `Actie ${k + 1} voor doel ${i + 1}`,
        ownerPartnerId: base.professional.partnerId,
        dueDate: addDays(today, 7 * (i + k + 1)),
        goalId: goal.id,
      });
    }
  }
  for (let i = 0; i < 3; i++) {
    await callAs(evaluationSchema, api, 'POST', `/api/v1/cases/${caseId}/evaluations`, prof, {
      date: addDays(today, -120 * (2 - i)),
      text: `Evaluatie ${i + 1}: voortgang besproken`,
      goalStatuses: goals.slice(0, 3).map((g) => ({ goalId: g.id, status: i === 2 ? 'achieved' : 'open' })),
    });
  }
  const history = await callAs(
    assessmentListSchema,
    api,
    'GET',
    `/api/v1/persons/${personId}/assessments`,
    prof,
  );
  const plan = await callAs(planSchema, api, 'GET', `/api/v1/cases/${caseId}/plan`, prof);
  const outcomes = await callAs(outcomesSchema, api, 'GET', '/api/v1/outcomes', reg);
  const counted = outcomes.domains.reduce((n, d) => n + d.persons, 0);
  log(
    `persoon met ${history.items.length} scoremomenten, plan met ${plan.goals.length} doelen en ${plan.evaluations.length} evaluaties (via de API in ${secs(t)} s); resultaten: ${counted} persoon × leefgebied-paren`,
  );
  if (history.items.length !== 20 || plan.goals.length !== 8 || counted < PERSONS)
    throw new Error('de gegevens om te meten kloppen niet');

  const results: Measured[] = [];
  const run = async (
    what: Measured['what'],
    name: string,
    cookie: string,
    connections: number,
    path: string,
  ) => {
    const r = await measure({
      name,
      url: api,
      connections,
      durationS: DURATION,
      warmupS: WARMUP,
      headers: { cookie },
      nextPath: () => path,
    });
    results.push({ ...r, what });
    log(`${r.name}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, non-2xx ${r.non2xx}`);
  };
  t = performance.now();
  for (const [who, cookie] of [
    ['professional', prof],
    ['regisseur', reg],
  ] as const) {
    for (const connections of [10, 1]) {
      const how = `${who}${connections === 1 ? ', sequentieel' : ''}`;
      await run('plan', `GET /cases/{id}/plan (${how})`, cookie, connections, `/api/v1/cases/${caseId}/plan`);
      await run(
        'assessments',
        `GET /persons/{id}/assessments, 20 momenten (${how})`,
        cookie,
        connections,
        `/api/v1/persons/${personId}/assessments`,
      );
    }
  }
  for (const connections of [1, 10]) {
    const how = connections === 1 ? 'sequentieel' : `${connections} verbindingen`;
    await run(
      'outcomes',
      `GET /outcomes, ${PERSONS} personen (${how})`,
      reg,
      connections,
      '/api/v1/outcomes',
    );
  }
  await run(
    'outcomes',
    `GET /outcomes?areaId=<wijk> (sequentieel)`,
    reg,
    1,
    `/api/v1/outcomes?areaId=${wijken[0]}`,
  );
  const loadS = secs(t);

  // The outcomes statement on its own, from here (the same repository function as the server), so
  // its cost shows apart from HTTP and from what else the machine is doing during a load run.
  const statement: number[] = [];
  const to = amsterdamDate();
  const filter = { from: addDays(to, -365), to, areaId: undefined };
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await domainOutcomes(new TenantScope(db, base.tenantId), filter);
    statement.push(performance.now() - start);
  }
  statement.sort((a, b) => a - b);
  const statementMs = { min: statement[0] ?? 0, median: statement[3] ?? 0, max: statement[6] ?? 0 };
  log(`uitkomsten-statement alleen: min ${fmt(statementMs.min)} ms, mediaan ${fmt(statementMs.median)} ms`);

  const sequential = (what: Measured['what']) =>
    results.filter((r) => r.what === what && r.connections === 1);
  const clean = results.every((r) => r.non2xx + r.errors + r.timeouts === 0);
  const targets: Target[] = [
    ...[...sequential('plan'), ...sequential('assessments')].map((r) => ({
      what: `${r.name}: p95 < ${TARGET_READ_P95} ms (${fmt(r.p95)})`,
      ok: r.p95 < TARGET_READ_P95,
    })),
    ...sequential('outcomes').map((r) => ({
      what: `${r.name}: p95 < ${TARGET_OUTCOMES_P95} ms (${fmt(r.p95)})`,
      ok: r.p95 < TARGET_OUTCOMES_P95,
    })),
    { what: 'geen fouten en alleen 2xx-antwoorden', ok: clean },
  ];
  const out = [
    '',
    headline('benchmark plan van aanpak', database.version),
    `seed: ${PERSONS} personen, ${counts.cases} casussen (${counts.closed} afgesloten), ${counts.assessments} scoremomenten met ${counts.scores} scores; één persoon met 20 momenten, 8 doelen, 16 acties, 3 evaluaties (API); ${seedS} s`,
    `metingen: ${DURATION} s per regel na ${WARMUP} s opwarmen; latenties in ms; totaal ${loadS} s; load average bij start ${startLoad}, aan het eind ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
    '',
    loadTable(results),
    '',
    `het uitkomsten-statement alleen (7×, zonder HTTP): min ${fmt(statementMs.min)} ms, mediaan ${fmt(statementMs.median)} ms, max ${fmt(statementMs.max)} ms`,
    '',
    ...targetLines(targets),
  ];
  const jsonFile = writeJson('plans', {
    at: new Date().toISOString(),
    machine: machine(database.version),
    settings: { PERSONS, DURATION, WARMUP },
    seed: { ...counts, seedS },
    results,
    outcomesStatementMs: statementMs,
    loadAverage: { start: startLoad, end: loadavg() },
    targets,
  });
  out.push(`JSON: ${jsonFile}`);
  console.log(compact(out).join('\n'));
  return targets.every((x) => x.ok);
}

runBench('Benchmark plan van aanpak', main);
