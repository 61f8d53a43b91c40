/**
 * `BENCH_ONLY=survey npm run bench` (or `node packages/server/bench/dist/survey.js`): how many survey
 * responses the public endpoint accepts per second (issue 14). A fresh PostgreSQL database, the real built
 * server as a child process (trusting 127.0.0.1 as its proxy, so each request can come from an address of
 * its own through X-Forwarded-For, as residents behind their own connections do — the limit per address
 * stays on), an open survey for a wijk with four buurten. BENCH_SURVEY_CONNECTIONS clients post complete
 * responses (every standard question, a buurt, some of the willing with a contact email) for BENCH_DURATION seconds
 * after BENCH_WARMUP; every answer must be 201. Reports responses per second and p50/p95/p99 latency, and
 * checks that the results count them all.
 *
 * Knobs: DATABASE_URL, BENCH_SURVEY_CONNECTIONS (20), BENCH_DURATION (10 s), BENCH_WARMUP (2 s),
 * BENCH_SERVER (another build's main.js).
 */
import { loadavg } from 'node:os';
import {
  areaSchema,
  partnerSchema,
  SURVEY_QUESTIONS,
  surveyResultsSchema,
  surveySchema,
  userSchema,
} from '@wijkregie/shared';
import { BENCH_PASSWORD, callAs, freshDatabase, login, num, runBench, startServer } from './harness.js';
import { percentile } from './load.js';
import { log } from './proc.js';
import { compact, fmt, headline, machine, table, writeJson } from './report.js';

const CONNECTIONS = num('BENCH_SURVEY_CONNECTIONS', 20);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const ADMIN_EMAIL = 'beheer-enquete@bench.example';

const square = (lng: number, lat: number, w: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + w, lat],
      [lng + w, lat + w],
      [lng, lat + w],
      [lng, lat],
    ],
  ],
});

/** A complete, varied response (deterministic per number). */
function answersFor(i: number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const q of SURVEY_QUESTIONS) {
    const options = q.options ?? [];
    out[q.key] =
      options.length > 0
        ? (options[(i + q.key.length) % options.length]?.value ?? 1)
        : (q.min ?? 1) + ((i * 7 + q.key.length) % ((q.max ?? 10) - (q.min ?? 1) + 1));
  }
  return out;
}

/** The i-th client address, a distinct IPv4 address in 100.64.0.0/10. */
const addressOf = (i: number) => `100.${64 + ((i >> 16) & 63)}.${(i >> 8) & 255}.${i & 255}`;

async function main(): Promise<boolean> {
  const database = await freshDatabase('survey');
  const server = await startServer(database, ADMIN_EMAIL, { WIJKREGIE_TRUST_PROXY: '127.0.0.1' });
  const api = server.base;
  log(`server pid ${server.pid} op ${api}`);

  const adminCookie = await login(api, ADMIN_EMAIL);
  const gemeente = await callAs(partnerSchema, api, 'POST', '/api/v1/partners', adminCookie, {
    name: 'Gemeente Haakstad',
    kind: 'gemeente',
  });
  await callAs(userSchema, api, 'POST', '/api/v1/users', adminCookie, {
    email: 'regisseur-enquete@bench.example',
    name: 'Regisseur Bench',
    password: BENCH_PASSWORD,
    partnerId: gemeente.id,
    roles: ['regisseur'],
  });
  const wijk = await callAs(areaSchema, api, 'POST', '/api/v1/areas', adminCookie, {
    name: 'Benchwijk',
    kind: 'wijk',
    geometry: square(5.1, 52.1, 0.04),
  });
  const buurten: string[] = [];
  for (let b = 0; b < 4; b++) {
    const buurt = await callAs(areaSchema, api, 'POST', '/api/v1/areas', adminCookie, {
      name: `Benchbuurt ${b + 1}`,
      kind: 'buurt',
      parentId: wijk.id,
      geometry: square(5.1 + (b % 2) * 0.02, 52.1 + Math.floor(b / 2) * 0.02, 0.02),
    });
    buurten.push(buurt.id);
  }
  const reg = await login(api, 'regisseur-enquete@bench.example');
  const survey = await callAs(surveySchema, api, 'POST', '/api/v1/surveys', reg, {
    title: 'Benchmark-enquête',
    areaIds: [wijk.id],
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const url = `${api}/api/public/v1/surveys/${survey.publicCode}/responses`;

  let next = 0;
  let measuring = false;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let failures = 0;
  let acceptedAll = 0;
  let firstFailure = '';
  const post = async (): Promise<void> => {
    const i = next++;
    const answers = answersFor(i);
    const body = {
      buurtId: buurten[i % buurten.length],
      answers,
      // Who is willing may leave an email (stored apart, audited).
      ...(i % 5 === 0 && answers.willingToAct !== 'no' && { contactEmail: `bewoner${i}@bench.example` }),
    };
    const start = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(i) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status === 201) acceptedAll++;
    else if (!firstFailure) firstFailure = `${res.status} ${text.slice(0, 300)}`;
    if (!measuring) return;
    latencies.push(performance.now() - start);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status !== 201) failures++;
  };
  const run = async (seconds: number) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) await post();
      }),
    );
  };
  log(`opwarmen ${WARMUP} s, dan ${DURATION} s met ${CONNECTIONS} verbindingen`);
  await run(WARMUP);
  measuring = true;
  const began = performance.now();
  await run(DURATION);
  const elapsed = (performance.now() - began) / 1000;
  measuring = false;

  const sorted = Float64Array.from(latencies).sort();
  const accepted = statuses.get(201) ?? 0;
  const perSecond = accepted / elapsed;
  const results = await callAs(surveyResultsSchema, api, 'GET', `/api/v1/surveys/${survey.id}/results`, reg);
  const counted = results.total.n === acceptedAll;
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    compact([
      '',
      headline('enquête-benchmark', database.version),
      `load average ${load.join(' ')}`,
      '',
      table(
        ['reacties', 'verbindingen', 'geaccepteerd', 'per seconde', 'p50', 'p95', 'p99', 'max', 'niet 201'],
        [
          [
            'POST /responses',
            String(CONNECTIONS),
            String(accepted),
            perSecond.toFixed(1),
            fmt(percentile(sorted, 50)),
            fmt(percentile(sorted, 95)),
            fmt(percentile(sorted, 99)),
            fmt(sorted.at(-1) ?? Number.NaN),
            String(failures),
          ],
        ],
      ),
      '',
      `uitslag telt ${results.total.n} reacties (geaccepteerd, met opwarmen: ${acceptedAll}) — ${counted ? 'klopt' : 'KLOPT NIET'}`,
      ...(firstFailure ? [`eerste fout: ${firstFailure}`] : []),
      '',
    ]).join('\n'),
  );
  const file = writeJson('survey', {
    machine: machine(database.version),
    loadavg: load,
    connections: CONNECTIONS,
    durationS: elapsed,
    accepted,
    perSecond,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    statuses: Object.fromEntries(statuses),
    counted,
  });
  log(`resultaat in ${file}`);
  return failures === 0 && counted;
}

runBench('Enquête-benchmark', main);
