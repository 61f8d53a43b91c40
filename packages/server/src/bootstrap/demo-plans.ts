import { randomUUID } from 'node:crypto';
import type { CaseOutcome, GoalStatus } from '@wijkregie/shared';
import { z } from 'zod';
import type { Tx } from '../db/db.js';
import { col, execute, rows } from '../db/rows.js';
import { addDays, amsterdamDate, amsterdamMidnight } from '../lib/time.js';
import { AUTHOR_OF, type DemoContext, MATRIX, prng } from './demo-cases.js';

/**
 * The plans of approach of Voorbeeldstad (issue 12): for the person and household cases, assessments
 * of the persons over the months of their case (4–8 each, improvement on some domains and a setback on
 * others), each scored by a partner of the case that may write the domain's category; goals per case
 * for the person, a household member or the household, with target scores and due dates, some
 * achieved; some of the meetings' actions tied to a goal; evaluations with goal statuses; and the
 * closed cases with a result (outcome, text, moment). The household in debt whose son drifts into the
 * youth group at the Stationsplein tells the household plan: the family's goals in the household case,
 * the son's own approach in his person case. Deterministic (the demo's PRNG); no date after now.
 */

const DAY = 86_400_000;

type Trend = 'improve' | 'setback' | 'flat';

/** The domains a partner scores, most telling first (filtered by what its matrix row may write). */
const PREFERENCES: Record<string, { adult: string[]; minor: string[] }> = {
  wijkteam: {
    adult: [
      'financien',
      'huisvesting',
      'geestelijke_gezondheid',
      'huiselijke_relaties',
      'sociaal_netwerk',
      'werk_opleiding',
      'tijdsbesteding',
      'lichamelijke_gezondheid',
      'middelengebruik',
      'maatschappelijke_participatie',
      'instrumentele_adl',
      'basale_adl',
    ],
    minor: [
      'tijdsbesteding',
      'sociaal_netwerk',
      'huiselijke_relaties',
      'werk_opleiding',
      'geestelijke_gezondheid',
      'middelengebruik',
    ],
  },
  ggz: {
    adult: [
      'geestelijke_gezondheid',
      'middelengebruik',
      'lichamelijke_gezondheid',
      'sociaal_netwerk',
      'basale_adl',
    ],
    minor: ['geestelijke_gezondheid', 'middelengebruik', 'sociaal_netwerk'],
  },
  schuldhulp: { adult: ['financien'], minor: [] },
  politie: { adult: ['criminaliteit', 'overlast', 'huiselijk_geweld'], minor: ['criminaliteit', 'overlast'] },
  reclassering: { adult: ['justitie'], minor: ['justitie'] },
  woningcorporatie: { adult: ['huisvesting'], minor: [] },
  handhaving: { adult: ['overlast'], minor: ['overlast'] },
  gemeente: { adult: ['huisvesting', 'overlast', 'huiselijk_geweld'], minor: ['overlast'] },
};
/**
 * Who scores in a case, in this order: the specialists their one or two domains first, then the care
 * partner (most domains, every time), the regisseur only when nobody else does.
 */
const ASSESSOR_ORDER = [
  'schuldhulp',
  'woningcorporatie',
  'politie',
  'reclassering',
  'handhaving',
  'wijkteam',
  'ggz',
  'gemeente',
];
const MAIN_ASSESSORS = ['wijkteam', 'ggz'];

const NOTES: Record<Trend | 'first', string[]> = {
  first: [
    'Beginsituatie besproken met betrokkene.',
    'Eerste inschatting na het huisbezoek.',
    'Samen met betrokkene ingevuld.',
  ],
  improve: [
    'Duidelijke vooruitgang sinds het vorige gesprek.',
    'Afspraken worden nagekomen; het gaat beter.',
    'Betrokkene pakt dit nu zelf op.',
  ],
  setback: [
    'Terugval; besproken in het casusoverleg.',
    'Het gaat minder goed dan de vorige keer.',
    'Zorgen toegenomen; extra contactmoment gepland.',
  ],
  flat: ['Geen verandering sinds de vorige keer.', 'Stabiel; de ondersteuning loopt door.'],
};

/** Domain-specific notes for a step up or down, where the general ones would say too little. */
const DOMAIN_NOTES: Record<string, Partial<Record<Trend, string>>> = {
  financien: {
    improve: 'Betalingsregeling loopt; geen nieuwe achterstanden.',
    setback: 'Nieuwe aanmaningen van de energieleverancier ontvangen.',
  },
  huisvesting: { improve: 'Huurachterstand ingelopen; de ontruiming is van tafel.' },
  tijdsbesteding: {
    improve: 'Gaat weer naar school en sport op woensdag.',
    setback: 'Verzuimt weer; hangt overdag rond.',
  },
  sociaal_netwerk: { setback: 'Trekt veel op met oudere jongens van de groep.' },
  criminaliteit: { setback: 'Opnieuw aangetroffen bij de jeugdgroep op het Stationsplein.' },
  geestelijke_gezondheid: { improve: 'Behandeling bij de GGZ gestart; slaapt beter.' },
  middelengebruik: { setback: 'Gebruikt weer in het weekend.' },
};

const GOAL_TEXTS: Record<string, string[]> = {
  financien: [
    'Betalingsachterstanden zijn in een regeling ondergebracht en er komen geen nieuwe bij',
    'Vaste lasten worden elke maand op tijd betaald',
  ],
  werk_opleiding: [
    'Volgt een opleiding of werkt minstens twee dagen per week',
    'Heeft een opleiding gekozen en is ingeschreven',
  ],
  tijdsbesteding: [
    'Heeft een vaste dagstructuur met school, werk of dagbesteding',
    'Gaat elke schooldag naar school',
  ],
  huisvesting: [
    'Behoudt de woning: geen huurachterstand en geen nieuwe klachten',
    'Woont in een schone en veilige woning',
  ],
  huiselijke_relaties: [
    'Thuis zijn er vaste afspraken en minder ruzie',
    'Praat wekelijks met de ouders over hoe het gaat',
  ],
  geestelijke_gezondheid: [
    'Is in behandeling en houdt zich aan de afspraken met de GGZ',
    'Minder somberheid; slaapt weer goed',
  ],
  lichamelijke_gezondheid: ['Gaat met de lichamelijke klachten naar de huisarts'],
  middelengebruik: ['Gebruikt door de week niet meer', 'Neemt deel aan de verslavingszorg'],
  basale_adl: ['Zorgt dagelijks voor zichzelf, met steun van de thuiszorg'],
  instrumentele_adl: ['Doet zelf de boodschappen en houdt de post bij'],
  sociaal_netwerk: [
    'Heeft twee mensen in de omgeving op wie betrokkene kan terugvallen',
    'Heeft een vaste plek bij een activiteit in de buurt',
  ],
  maatschappelijke_participatie: ['Doet vrijwilligerswerk of neemt deel aan een buurtactiviteit'],
  justitie: ['Houdt zich aan de bijzondere voorwaarden en de meldplicht'],
  overlast: ['Geen nieuwe meldingen van overlast bij de buren'],
  criminaliteit: ['Geen nieuwe politiecontacten'],
  huiselijk_geweld: ['Een veiligheidsplan is gemaakt en wordt nageleefd; de kinderen zijn thuis veilig'],
  ondermijning: ['Is losgemaakt van het criminele netwerk'],
};

/** Goals for the household as a whole (a household case's own subject). */
const HOUSEHOLD_GOALS: Record<string, string> = {
  financien: 'Het gezin heeft een sluitend budget en de schulden zijn in een regeling',
  huisvesting: 'Het gezin behoudt de woning',
  huiselijke_relaties: 'Thuis is het rustig: vaste afspraken over school, thuiskomen en geld',
};

const RESULT_TEXTS: Record<CaseOutcome, string> = {
  goals_achieved: 'De afgesproken doelen zijn bereikt; de reguliere ondersteuning loopt door zonder regie.',
  partly_achieved:
    'Een deel van de doelen is bereikt. Wat nog loopt, is overgedragen aan de betrokken partners zonder casusregie.',
  not_achieved:
    'De doelen zijn niet bereikt: betrokkenen werkten na de zomer niet meer mee. De partners melden nieuwe zorgen opnieuw aan.',
  transferred: 'Overgedragen aan het Zorg- en Veiligheidshuis; de aanpak loopt daar verder.',
  stopped: 'Gestopt: betrokkenen zijn verhuisd naar een andere gemeente; de partners daar zijn ingelicht.',
};
/** The results the demo's closed cases get, in turn. */
const OUTCOME_TURN: CaseOutcome[] = [
  'goals_achieved',
  'partly_achieved',
  'not_achieved',
  'goals_achieved',
  'transferred',
  'partly_achieved',
  'stopped',
];

const caseRow = z.object({
  id: col.uuid,
  type: col.text,
  status: col.text,
  title: col.text,
  director_user_id: col.uuid.nullable(),
  created_at: col.timestamp,
  closed_at: col.timestamp.nullable(),
  partner_ids: col.textArray,
  subject_kind: col.text,
  subject_id: col.uuid,
  subject_name: col.text.nullable(),
  person_ids: col.textArray,
});

/** A person's scores on one domain in one case, oldest first. */
interface Series {
  personId: string;
  domain: string;
  trend: Trend;
  points: { date: string; score: number }[];
}

interface Goal {
  id: string;
  caseId: string;
  domain: string;
  subjectKind: 'person' | 'household';
  subjectId: string;
  text: string;
  targetScore: number;
  dueDate: string;
  status: GoalStatus;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

export async function seedDemoPlans(tx: Tx, demo: DemoContext): Promise<void> {
  const { tenantId, partnerIds, userIds } = demo;
  const rnd = prng(1212);
  const now = Date.now();
  const today = amsterdamDate();
  const partnerKey = new Map(Object.entries(partnerIds).map(([k, v]) => [v, k]));
  const domains = await rows(
    tx,
    z.object({ key: col.text, category: col.text }),
    'SELECT key, category FROM life_domains WHERE tenant_id = $1 ORDER BY position, key',
    [tenantId],
  );
  const categoryOf = new Map(domains.map((d) => [d.key, d.category]));
  const writes = (partner: string, domain: string) =>
    MATRIX[partner]?.[categoryOf.get(domain) ?? ''] === 'write';
  const reads = (partner: string, domain: string) =>
    MATRIX[partner]?.[categoryOf.get(domain) ?? ''] !== undefined;

  // 1. Closed cases get a result: an outcome in turn, a text, and the moment they were closed.
  const closed = await rows(
    tx,
    z.object({ id: col.uuid, at: col.timestamp }),
    `SELECT c.id, (SELECT max(h.at) FROM case_status_history h
                    WHERE h.tenant_id = c.tenant_id AND h.case_id = c.id AND h.to_status = 'closed') AS at
       FROM cases c WHERE c.tenant_id = $1 AND c.status = 'closed' ORDER BY c.reference`,
    [tenantId],
  );
  const outcomeOf = new Map<string, CaseOutcome>();
  for (const [i, c] of closed.entries()) {
    const outcome = OUTCOME_TURN[i % OUTCOME_TURN.length] ?? 'goals_achieved';
    outcomeOf.set(c.id, outcome);
    await execute(
      tx,
      'UPDATE cases SET result = $3, result_text = $4, closed_at = $5 WHERE tenant_id = $1 AND id = $2',
      [tenantId, c.id, outcome, RESULT_TEXTS[outcome], c.at],
    );
    await execute(
      tx,
      `UPDATE case_status_history SET result = $3 WHERE tenant_id = $1 AND case_id = $2 AND to_status = 'closed'`,
      [tenantId, c.id, outcome],
    );
  }

  // 2. The person and household cases that got past triage, with the persons each is about. A
  // member's own case comes first: its partners score what they may write; the household's assessor
  // scores the rest of each member.
  const cases = await rows(
    tx,
    caseRow,
    `SELECT c.id, c.type, c.status, c.title, c.director_user_id, c.created_at, c.closed_at,
            ARRAY(SELECT cp.partner_id::text FROM case_partners cp WHERE cp.case_id = c.id ORDER BY cp.partner_id) AS partner_ids,
            s.kind AS subject_kind, s.subject_id, h.name AS subject_name,
            CASE WHEN s.kind = 'person' THEN ARRAY[s.subject_id::text]
                 ELSE ARRAY(SELECT p.id::text FROM subject_relations r
                              JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.from_id
                             WHERE r.tenant_id = c.tenant_id AND r.relation = 'member_of' AND r.from_kind = 'person'
                               AND r.to_kind = 'household' AND r.to_id = s.subject_id
                             ORDER BY p.birth_date, p.first_name) END AS person_ids
       FROM cases c
       JOIN case_subjects s ON s.tenant_id = c.tenant_id AND s.case_id = c.id AND s.position = 0
       LEFT JOIN households h ON s.kind = 'household' AND h.tenant_id = s.tenant_id AND h.id = s.subject_id
      WHERE c.tenant_id = $1 AND c.type IN ('person', 'household') AND s.kind IN ('person', 'household')
        AND c.status NOT IN ('registered', 'triage')
      ORDER BY c.type = 'household', c.reference`,
    [tenantId],
  );
  const births = await rows(
    tx,
    z.object({ id: col.uuid, birth_date: col.date.nullable() }),
    'SELECT id, birth_date::text FROM persons WHERE tenant_id = $1',
    [tenantId],
  );
  const adultBefore = addDays(today, -18 * 365);
  const minor = new Set(births.filter((b) => b.birth_date && b.birth_date > adultBefore).map((b) => b.id));

  // The story of the household in debt: the mother's money and home get better while she struggles,
  // the son slides toward the youth group at the Stationsplein but gets on better at home.
  const elIdrissi = cases.find((c) => c.subject_name === 'Gezin El Idrissi');
  const sonCase = cases.find((c) => c.title.startsWith('Persoonsgerichte aanpak zoon'));
  const motherCase = cases.find((c) => c.title.startsWith('Schuldhulp voor moeder'));
  const son = sonCase?.person_ids[0];
  const mother = motherCase?.person_ids[0];
  const story = new Map<string, Trend>([
    [`${mother}:financien`, 'improve'],
    [`${mother}:huisvesting`, 'improve'],
    [`${mother}:geestelijke_gezondheid`, 'setback'],
    [`${son}:tijdsbesteding`, 'setback'],
    [`${son}:sociaal_netwerk`, 'setback'],
    [`${son}:criminaliteit`, 'setback'],
    [`${son}:overlast`, 'setback'],
    [`${son}:huiselijke_relaties`, 'improve'],
  ]);
  /** Goals the story names: case:subject:domain → text. */
  const storyGoals = new Map<string, string>([
    [
      `${elIdrissi?.id}:${elIdrissi?.subject_id}:financien`,
      'Huur- en energieachterstand zijn in een betalingsregeling ondergebracht; er komen geen nieuwe achterstanden bij',
    ],
    [
      `${elIdrissi?.id}:${son}:tijdsbesteding`,
      'Gaat weer elke schooldag naar school en woensdag naar het zaalvoetbal van het jongerenwerk',
    ],
    [
      `${sonCase?.id}:${son}:criminaliteit`,
      'Geen nieuwe politiecontacten en afstand van de jeugdgroep Stationsplein',
    ],
    [
      `${motherCase?.id}:${mother}:financien`,
      'Schuldregeling aangevraagd; budgetbeheer loopt en de vaste lasten worden betaald',
    ],
  ]);

  const claimed = new Set<string>(); // person:domain, scored in one case only
  const series: Series[] = [];
  const assessments: unknown[] = [];
  const scores: unknown[] = [];
  const schedule = new Map<string, string[]>(); // the assessment dates of each case

  for (const c of cases) {
    const createdDate = amsterdamDate(c.created_at);
    const last = c.closed_at ? addDays(amsterdamDate(c.closed_at), -2) : addDays(today, -1);
    let first = addDays(createdDate, 7);
    if (daysBetween(first, last) < 12) first = addDays(createdDate, 1);
    const span = Math.max(0, daysBetween(first, last));
    let n = Math.min(8, Math.max(4, 1 + Math.floor(span / 28)));
    if (span < (n - 1) * 2) n = Math.max(2, Math.floor(span / 2) + 1);
    const dates = Array.from({ length: n }, (_, i) =>
      addDays(first, Math.round((span * i) / Math.max(1, n - 1))),
    );
    schedule.set(c.id, dates);
    const outcome = outcomeOf.get(c.id);
    const partners = c.partner_ids.map((p) => partnerKey.get(p) ?? '').filter((k) => PREFERENCES[k]);
    const assessors = ASSESSOR_ORDER.filter((k) => partners.includes(k));
    const hasCare = assessors.some((k) => MAIN_ASSESSORS.includes(k));

    for (const personId of c.person_ids) {
      let scoredHere = 0;
      for (const partner of assessors) {
        const main = MAIN_ASSESSORS.includes(partner);
        if (partner === 'gemeente' && scoredHere > 0) continue; // the regisseur scores when nobody else does
        const pref = PREFERENCES[partner]?.[minor.has(personId) ? 'minor' : 'adult'].filter(
          (d) => writes(partner, d) && !claimed.has(`${personId}:${d}`),
        );
        if (!pref?.length) continue;
        const count = Math.min(pref.length, main ? rnd.int(4, 6) : rnd.int(1, 2));
        const chosen = [...pref.slice(0, 2), ...rnd.some(pref.slice(2), Math.max(0, count - 2))].slice(
          0,
          count,
        );
        // The care partner comes every time, the specialists beside it every other time (always the
        // first and the last).
        const when =
          main || !hasCare || dates.length <= 3
            ? dates
            : dates.filter((_, i) => i % 2 === 0 || i === dates.length - 1);
        const trends = chosen.map((d, i): Trend => {
          const told = story.get(`${personId}:${d}`);
          if (told) return told;
          if (outcome === 'goals_achieved') return 'improve';
          if (outcome === 'not_achieved') return i === 0 ? 'setback' : 'flat';
          if (outcome === 'partly_achieved') return i === 0 ? 'improve' : 'flat';
          if (outcome === 'transferred' || outcome === 'stopped') return i === 0 ? 'improve' : 'flat';
          if (i === 0 && scoredHere === 0) return 'improve';
          const x = rnd.next();
          return x < 0.45 ? 'improve' : x < 0.7 ? 'flat' : 'setback';
        });
        const values = trends.map((t) => trajectory(rnd, t, when.length));
        const author = userIds[AUTHOR_OF[partner] ?? ''];
        for (const [k, date] of when.entries()) {
          const id = randomUUID();
          assessments.push({
            id,
            person_id: personId,
            case_id: c.id,
            assessed_on: date,
            author_user_id: author,
            author_partner_id: partnerIds[partner],
            created_at: new Date(
              Math.min(
                amsterdamMidnight(date).getTime() +
                  (10 + assessors.indexOf(partner)) * 3_600_000 +
                  k * 60_000,
                now - 60_000,
              ),
            ).toISOString(),
          });
          for (const [i, d] of chosen.entries()) {
            const score = values[i]?.[k] ?? 3;
            const prev = k > 0 ? values[i]?.[k - 1] : undefined;
            const moved: Trend | 'first' | undefined =
              prev === undefined ? 'first' : score > prev ? 'improve' : score < prev ? 'setback' : undefined;
            const note =
              moved && rnd.next() < 0.45
                ? ((moved !== 'first' ? DOMAIN_NOTES[d]?.[moved] : undefined) ?? rnd.pick(NOTES[moved]))
                : null;
            scores.push({ assessment_id: id, domain: d, score, note });
          }
        }
        for (const [i, d] of chosen.entries()) {
          claimed.add(`${personId}:${d}`);
          series.push({
            personId,
            domain: d,
            trend: trends[i] ?? 'flat',
            points: when.map((date, k) => ({ date, score: values[i]?.[k] ?? 3 })),
          });
        }
        scoredHere += chosen.length;
      }
    }
  }

  // 3. Goals, once the plan is made: on domains that move for the persons of the case (wherever they
  // were scored), that a partner of the case may write; for a household also its shared goal. The
  // status follows the scores up to now (or the closing) and the case's result.
  const goals: Goal[] = [];
  const evaluations: unknown[] = [];
  const evaluationStatuses: unknown[] = [];
  const trendOrder: Record<Trend, number> = { setback: 0, improve: 1, flat: 2 };
  const goaled = new Set<string>(); // subject:domain — a member's own case has the goal, the household plan shows it
  for (const c of cases) {
    if (c.status === 'analysis') continue;
    const dates = schedule.get(c.id) ?? [];
    const outcome = outcomeOf.get(c.id);
    const partners = c.partner_ids.map((p) => partnerKey.get(p) ?? '');
    const end = c.closed_at ? amsterdamDate(c.closed_at) : today;
    const director = c.director_user_id ?? userIds.regisseur ?? '';
    const goalAt = new Date(
      Math.min(
        amsterdamMidnight(addDays(dates[0] ?? today, 7)).getTime() + 11 * 3_600_000,
        (c.closed_at?.getTime() ?? now) - DAY,
      ),
    );
    const candidates = series
      .filter((s) => c.person_ids.includes(s.personId) && partners.some((p) => writes(p, s.domain)))
      .map((s) => ({ ...s, points: s.points.filter((p) => p.date <= end) }))
      .filter((s) => s.points.length >= 2);
    const caseGoals: Goal[] = [];
    const addGoal = (
      s: (typeof candidates)[number],
      subject: { kind: 'person' | 'household'; id: string },
    ) => {
      const firstScore = s.points[0]?.score ?? 3;
      const lastScore = s.points[s.points.length - 1]?.score ?? 3;
      const targetScore =
        outcome === 'goals_achieved' && lastScore > firstScore
          ? lastScore
          : Math.min(4, Math.max(3, firstScore + rnd.int(1, 2)));
      const reached = lastScore >= targetScore;
      const status: GoalStatus = c.closed_at
        ? reached
          ? 'achieved'
          : outcome === 'transferred' || outcome === 'stopped'
            ? 'dropped'
            : lastScore > firstScore
              ? 'partly_achieved'
              : 'not_achieved'
        : reached && (c.status === 'execution' || c.status === 'evaluation')
          ? 'achieved'
          : 'open';
      const lastDate = s.points[s.points.length - 1]?.date ?? today;
      const settled = new Date(
        Math.min(amsterdamMidnight(lastDate).getTime() + 14 * 3_600_000, now - 60_000),
      );
      const text =
        storyGoals.get(`${c.id}:${subject.id}:${s.domain}`) ??
        (subject.kind === 'household' ? HOUSEHOLD_GOALS[s.domain] : undefined) ??
        rnd.pick(GOAL_TEXTS[s.domain] ?? ['De situatie is stabiel']);
      caseGoals.push({
        id: randomUUID(),
        caseId: c.id,
        domain: s.domain,
        subjectKind: subject.kind,
        subjectId: subject.id,
        text,
        targetScore,
        dueDate: addDays(amsterdamDate(goalAt), rnd.int(90, 200)),
        status,
        createdAt: goalAt,
        updatedAt: status === 'open' || settled < goalAt ? goalAt : settled,
        createdBy: director,
      });
    };
    const named = (subjectId: string, s: { domain: string }) =>
      storyGoals.has(`${c.id}:${subjectId}:${s.domain}`);
    if (c.subject_kind === 'household') {
      // The household's shared goal rests on an adult's scores (the one the story names first).
      const shared = candidates
        .filter((s) => !minor.has(s.personId) && HOUSEHOLD_GOALS[s.domain])
        .sort((a, b) => Number(named(c.subject_id, b)) - Number(named(c.subject_id, a)))[0];
      if (shared) addGoal(shared, { kind: 'household', id: c.subject_id });
    }
    for (const personId of c.person_ids) {
      const own = candidates
        .filter(
          (s) =>
            s.personId === personId &&
            !caseGoals.some((g) => g.domain === s.domain) &&
            !goaled.has(`${personId}:${s.domain}`),
        )
        .sort(
          (a, b) =>
            Number(named(personId, b)) - Number(named(personId, a)) ||
            trendOrder[a.trend] - trendOrder[b.trend],
        );
      for (const s of own.slice(0, c.subject_kind === 'household' ? 1 : rnd.int(2, 3)))
        addGoal(s, { kind: 'person', id: personId });
    }
    goals.push(...caseGoals);
    for (const g of caseGoals) goaled.add(`${g.subjectId}:${g.domain}`);

    // 4. Evaluations: halfway (every goal still running) and, for a case in evaluation or closed, at
    // the end with the statuses the goals have now.
    if (!['execution', 'evaluation', 'closed'].includes(c.status) || caseGoals.length === 0) continue;
    const moments: { date: string; final: boolean }[] = [];
    const mid = dates[Math.floor(dates.length / 2)];
    if (mid && mid > amsterdamDate(goalAt)) moments.push({ date: mid, final: false });
    const lastDate = dates[dates.length - 1];
    if (c.status !== 'execution' && lastDate) moments.push({ date: lastDate, final: true });
    for (const m of moments) {
      const id = randomUUID();
      const achieved = caseGoals.filter((g) => g.status === 'achieved').length;
      evaluations.push({
        id,
        case_id: c.id,
        evaluated_on: m.date,
        text: m.final
          ? `Eindevaluatie met betrokkenen en partners: ${achieved} van de ${caseGoals.length} doelen bereikt. ${
              outcome
                ? RESULT_TEXTS[outcome]
                : 'Afgesproken om de casus af te sluiten als de laatste acties klaar zijn.'
            }`
          : 'Tussentijdse evaluatie in het casusoverleg: de doelen blijven staan; de partners zetten de acties voort.',
        author_user_id: director,
        author_partner_id: partnerOfUser(director, userIds, partnerIds),
        created_at: new Date(
          Math.min(amsterdamMidnight(m.date).getTime() + 15 * 3_600_000, now - 60_000),
        ).toISOString(),
      });
      for (const g of caseGoals) {
        evaluationStatuses.push({ evaluation_id: id, goal_id: g.id, status: m.final ? g.status : 'open' });
      }
    }
  }

  await execute(
    tx,
    `INSERT INTO assessments (id, tenant_id, person_id, case_id, assessed_on, author_user_id, author_partner_id, created_at)
     SELECT a.id, $1, a.person_id, a.case_id, a.assessed_on, a.author_user_id, a.author_partner_id, a.created_at
       FROM jsonb_to_recordset($2::jsonb) AS a (id uuid, person_id uuid, case_id uuid, assessed_on date,
                                                author_user_id uuid, author_partner_id uuid, created_at timestamptz)`,
    [tenantId, JSON.stringify(assessments)],
  );
  await execute(
    tx,
    `INSERT INTO assessment_scores (tenant_id, assessment_id, domain, score, note)
     SELECT $1, s.assessment_id, s.domain, s.score, s.note
       FROM jsonb_to_recordset($2::jsonb) AS s (assessment_id uuid, domain text, score smallint, note text)`,
    [tenantId, JSON.stringify(scores)],
  );
  await execute(
    tx,
    `INSERT INTO goals (id, tenant_id, case_id, domain, subject_kind, subject_id, text, target_score, due_date, status,
                        created_by_user_id, created_at, updated_at)
     SELECT g.id, $1, g."caseId", g.domain, g."subjectKind", g."subjectId", g.text, g."targetScore", g."dueDate",
            g.status, g."createdBy", g."createdAt", g."updatedAt"
       FROM jsonb_to_recordset($2::jsonb) AS g (id uuid, "caseId" uuid, domain text, "subjectKind" text,
              "subjectId" uuid, text text, "targetScore" smallint, "dueDate" date, status text, "createdBy" uuid,
              "createdAt" timestamptz, "updatedAt" timestamptz)`,
    [tenantId, JSON.stringify(goals)],
  );
  await execute(
    tx,
    `INSERT INTO evaluations (id, tenant_id, case_id, evaluated_on, text, author_user_id, author_partner_id, created_at)
     SELECT e.id, $1, e.case_id, e.evaluated_on, e.text, e.author_user_id, e.author_partner_id, e.created_at
       FROM jsonb_to_recordset($2::jsonb) AS e (id uuid, case_id uuid, evaluated_on date, text text,
                                                author_user_id uuid, author_partner_id uuid, created_at timestamptz)`,
    [tenantId, JSON.stringify(evaluations)],
  );
  await execute(
    tx,
    `INSERT INTO evaluation_goal_statuses (tenant_id, evaluation_id, goal_id, status)
     SELECT $1, s.evaluation_id, s.goal_id, s.status
       FROM jsonb_to_recordset($2::jsonb) AS s (evaluation_id uuid, goal_id uuid, status text)`,
    [tenantId, JSON.stringify(evaluationStatuses)],
  );

  // 5. The meetings' actions work toward a goal of their case: two of every three, each to a goal
  // whose domain the owning partner may read.
  const actions = await rows(
    tx,
    z.object({ id: col.uuid, case_id: col.uuid, owner_partner_id: col.uuid }),
    `SELECT id, case_id, owner_partner_id FROM actions WHERE tenant_id = $1 ORDER BY case_id, title, due_date`,
    [tenantId],
  );
  const goalsOf = new Map<string, Goal[]>();
  for (const g of goals) goalsOf.set(g.caseId, [...(goalsOf.get(g.caseId) ?? []), g]);
  const links: { id: string; goal_id: string }[] = [];
  for (const [i, a] of actions.entries()) {
    if (i % 3 === 2) continue;
    const owner = partnerKey.get(a.owner_partner_id) ?? '';
    const fitting = (goalsOf.get(a.case_id) ?? []).filter((g) => reads(owner, g.domain));
    const goal = fitting[i % Math.max(1, fitting.length)];
    if (goal) links.push({ id: a.id, goal_id: goal.id });
  }
  await execute(
    tx,
    `UPDATE actions a SET goal_id = l.goal_id
       FROM jsonb_to_recordset($2::jsonb) AS l (id uuid, goal_id uuid)
      WHERE a.tenant_id = $1 AND a.id = l.id`,
    [tenantId, JSON.stringify(links)],
  );
}

/** Days from `a` to `b` (`YYYY-MM-DD`). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / DAY);
}

/** `n` scores 1–5 that go up, down or stay (with a wobble), the trend showing from first to last. */
function trajectory(rnd: ReturnType<typeof prng>, trend: Trend, n: number): number[] {
  const start = trend === 'improve' ? rnd.int(1, 3) : trend === 'setback' ? rnd.int(3, 4) : rnd.int(2, 4);
  const change =
    trend === 'improve'
      ? Math.min(5 - start, rnd.int(1, 2))
      : trend === 'setback'
        ? -Math.min(start - 1, rnd.int(1, 2))
        : 0;
  return Array.from({ length: n }, (_, i) => {
    let v = start + Math.round((change * i) / Math.max(1, n - 1));
    if (trend === 'flat' && i > 0 && i < n - 1 && rnd.next() < 0.2) v += rnd.next() < 0.5 ? -1 : 1;
    return Math.min(5, Math.max(1, v));
  });
}

/** The partner of a demo user (the director of a case writes its evaluations). */
function partnerOfUser(userId: string, userIds: Record<string, string>, partnerIds: Record<string, string>) {
  const local = Object.entries(userIds).find(([, id]) => id === userId)?.[0];
  const partner = Object.entries(AUTHOR_OF).find(([, u]) => u === local)?.[0] ?? 'gemeente';
  return partnerIds[partner] ?? null;
}
