import type { Tx } from '../db/db.js';
import { col, execute, idRow, oneRow, row } from '../db/rows.js';
import { newPublicCode } from '../modules/surveys/public-code.js';
import { type DemoContext, prng } from './demo-cases.js';

/*
 * The neighbourhood surveys of Voorbeeldstad: last year's spring survey (before the area approach
 * started), the autumn survey that closed three weeks ago — enough responses in most buurten, one buurt
 * (the business park, where few people live) under 10 to show the suppression — and a survey of the
 * Centrum running now. The Stationskwartier feels safer in autumn than in spring, the approach's work
 * showing; the approach gets an indicator fed by the surveys. All times relative to now.
 */

const DAY = 86_400_000;

/** How a buurt answers: share feeling unsafe, mean marks, agreement (1–5), willing to act (yes share). */
interface Profile {
  unsafe: number;
  safety: number;
  liveability: number;
  cohesion: number;
  efficacy: number;
  willing: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

function responsesFor(
  p: Profile,
  n: number,
  rnd: ReturnType<typeof prng>,
): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [];
  const around = (mean: number, lo: number, hi: number) => clamp(mean + (rnd.next() - 0.5) * 3, lo, hi);
  for (let i = 0; i < n; i++) {
    const u = rnd.next();
    const w = rnd.next();
    const coh = () => around(p.cohesion, 1, 5);
    const rev = () => 6 - around(p.cohesion, 1, 5);
    out.push({
      unsafeFeeling: u < p.unsafe * 0.7 ? 'sometimes' : u < p.unsafe ? 'often' : 'never',
      safetyMark: around(p.safety, 1, 10),
      liveabilityMark: around(p.liveability, 1, 10),
      cohesion1: coh(),
      cohesion2: rev(),
      cohesion3: coh(),
      cohesion4: rev(),
      cohesion5: coh(),
      efficacy1: around(p.efficacy, 1, 5),
      efficacy2: around(p.efficacy, 1, 5),
      efficacy3: around(p.efficacy, 1, 5),
      efficacy4: around(p.efficacy, 1, 5),
      efficacy5: around(p.efficacy, 1, 5),
      willingToAct: w < p.willing ? 'yes' : w < p.willing + 0.25 ? 'maybe' : 'no',
    });
  }
  return out;
}

const ORDINARY: Profile = {
  unsafe: 0.3,
  safety: 7,
  liveability: 7.4,
  cohesion: 3.4,
  efficacy: 3.3,
  willing: 0.2,
};

/** Per buurt code: its profile in spring and in autumn, and how many answered in autumn. */
const BUURTEN: [string, Partial<Profile>, Partial<Profile>, number][] = [
  ['BU99990101', { unsafe: 0.35 }, { unsafe: 0.32 }, 31],
  [
    'BU99990102',
    { unsafe: 0.62, safety: 5.4, cohesion: 2.6, efficacy: 2.5, willing: 0.12 },
    { unsafe: 0.44, safety: 6.2, cohesion: 2.9, efficacy: 2.9, willing: 0.17 },
    27,
  ],
  ['BU99990201', {}, {}, 18],
  [
    'BU99990202',
    { unsafe: 0.2, cohesion: 3.8, willing: 0.27 },
    { unsafe: 0.18, cohesion: 3.9, willing: 0.26 },
    22,
  ],
  ['BU99990203', {}, {}, 14],
  ['BU99990204', {}, {}, 4],
  ['BU99990301', { unsafe: 0.25 }, { unsafe: 0.24 }, 16],
  ['BU99990302', { unsafe: 0.4, safety: 6.3 }, { unsafe: 0.38, safety: 6.4 }, 12],
];

async function insertSurvey(
  tx: Tx,
  ctx: DemoContext,
  v: { code: string; title: string; opensAt: Date; closesAt: Date; published: boolean; areas: string[] },
): Promise<string> {
  const { id } = await oneRow(
    tx,
    idRow,
    `INSERT INTO surveys (tenant_id, public_code, title, opens_at, closes_at, published_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $4) RETURNING id`,
    [
      ctx.tenantId,
      v.code,
      v.title,
      v.opensAt,
      v.closesAt,
      v.published ? v.closesAt : null,
      ctx.userIds.regisseur,
    ],
  );
  await execute(
    tx,
    `INSERT INTO survey_areas (tenant_id, survey_id, area_id) SELECT $1, $2, a FROM unnest($3::uuid[]) AS a`,
    [ctx.tenantId, id, v.areas.map((c) => ctx.areaIds.get(c)).filter((a): a is string => a !== undefined)],
  );
  return id;
}

async function insertResponses(
  tx: Tx,
  ctx: DemoContext,
  surveyId: string,
  receivedOn: Date,
  list: { buurt: string | undefined; answers: Record<string, string | number> }[],
): Promise<void> {
  await execute(
    tx,
    `INSERT INTO survey_responses (tenant_id, survey_id, buurt_id, answers, received_on)
     SELECT $1, $2, r.buurt, r.answers, $4::date FROM jsonb_to_recordset($3::jsonb) AS r (buurt uuid, answers jsonb)`,
    [
      ctx.tenantId,
      surveyId,
      JSON.stringify(
        list.map((r) => ({ buurt: r.buurt ? ctx.areaIds.get(r.buurt) : null, answers: r.answers })),
      ),
      receivedOn.toISOString().slice(0, 10),
    ],
  );
}

/** The title of the survey running in the demo (the browser test answers it). */
export const DEMO_RUNNING_SURVEY_TITLE = 'Buurtenquête Centrum: hoe is het nu?';

export async function seedDemoSurveys(tx: Tx, ctx: DemoContext): Promise<void> {
  if (!ctx.userIds.regisseur) return;
  const rnd = prng(2026);
  const now = Date.now();
  const wijken = ['WK999901', 'WK999902', 'WK999903'];
  const spring = await insertSurvey(tx, ctx, {
    code: newPublicCode(),
    title: 'Veiligheid en samenhang in de buurt (voorjaar)',
    opensAt: new Date(now - 240 * DAY),
    closesAt: new Date(now - 215 * DAY),
    published: true,
    areas: wijken,
  });
  const autumn = await insertSurvey(tx, ctx, {
    code: newPublicCode(),
    title: 'Veiligheid en samenhang in de buurt (najaar)',
    opensAt: new Date(now - 50 * DAY),
    closesAt: new Date(now - 21 * DAY),
    published: true,
    areas: wijken,
  });
  for (const [code, before, after, n] of BUURTEN) {
    const springN = Math.max(n - 3, code === 'BU99990204' ? 3 : 10);
    // Each buurt answers both surveys, each time with its profile of that season.
    const rounds = [
      [spring, 225, before, springN],
      [autumn, 30, after, n],
    ] as const;
    for (const [survey, daysAgo, buurtState, count] of rounds) {
      await insertResponses(
        tx,
        ctx,
        survey,
        new Date(now - daysAgo * DAY),
        responsesFor({ ...ORDINARY, ...buurtState }, count, rnd).map((answers) => ({ buurt: code, answers })),
      );
    }
  }
  // A few answered without a buurt the municipality could place: they count in the total only.
  await insertResponses(
    tx,
    ctx,
    autumn,
    new Date(now - 28 * DAY),
    responsesFor(ORDINARY, 5, rnd).map((answers) => ({ buurt: undefined, answers })),
  );
  await execute(
    tx,
    `INSERT INTO survey_contacts (tenant_id, survey_id, email)
     SELECT $1, $2, e FROM unnest($3::text[]) AS e`,
    [
      ctx.tenantId,
      autumn,
      [
        'fatima.stationskwartier@voorbeeld.example',
        'jan.molenbuurt@voorbeeld.example',
        'buurtvader@voorbeeld.example',
      ],
    ],
  );

  const running = await insertSurvey(tx, ctx, {
    code: newPublicCode(),
    title: DEMO_RUNNING_SURVEY_TITLE,
    opensAt: new Date(now - 5 * DAY),
    closesAt: new Date(now + 25 * DAY),
    published: false,
    areas: ['WK999901'],
  });
  await insertResponses(
    tx,
    ctx,
    running,
    new Date(now - 2 * DAY),
    responsesFor({ ...ORDINARY, unsafe: 0.4 }, 6, rnd).map((answers) => ({ buurt: 'BU99990102', answers })),
  );

  // The Centrum approach follows the share who feel unsafe, from the surveys.
  const approach = await row(
    tx,
    idRow.extend({ n: col.int }),
    `SELECT a.id, (SELECT count(*) FROM indicators i WHERE i.tenant_id = a.tenant_id AND i.approach_id = a.id) AS n
       FROM approaches a WHERE a.tenant_id = $1 AND a.area_id = $2 ORDER BY a.created_at LIMIT 1`,
    [ctx.tenantId, ctx.areaIds.get('WK999901')],
  );
  if (!approach) return;
  await execute(
    tx,
    `INSERT INTO indicators (tenant_id, approach_id, name, unit, baseline, target, direction, source, survey_indicator,
                             position)
     VALUES ($1, $2, 'Bewoners die zich wel eens onveilig voelen, volgens de bewonersenquête', '%', 50, 30, 'down', 'survey',
             'unsafeSometimesPct', $3)`,
    [ctx.tenantId, approach.id, approach.n],
  );
}
