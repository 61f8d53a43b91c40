import {
  actionListSchema,
  alertListSchema,
  approachListSchema,
  approachSchema,
  areaListSchema,
  areaPictureSchema,
  auditVerifySchema,
  caseDetailSchema,
  caseListSchema,
  caseSchema,
  entryListSchema,
  groupReportListSchema,
  howToReportSchema,
  meetingListSchema,
  monitorSchema,
  observationListSchema,
  outcomesSchema,
  partnerListSchema,
  planSchema,
  residentGroupListSchema,
  residentGroupSchema,
  signalListSchema,
  socialMapSchema,
  surveyListSchema,
  surveyResultsSchema,
  worklistSchema,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { DEMO_PASSWORD } from '../src/bootstrap/demo.js';
import { firstRun } from '../src/bootstrap/first-run.js';
import type { Db } from '../src/db/db.js';
import { bodyOf, Client, emptyDb } from './helpers.js';

let db: Db;
let drop: () => Promise<void>;
let app: FastifyInstance;
const as = (local: string) =>
  new Client(app).login({ email: `${local}@voorbeeldstad.example`, password: DEMO_PASSWORD });

beforeAll(async () => {
  ({ db, drop } = await emptyDb());
  await firstRun(db, { demo: true });
  app = await buildApp({ db, publicUrl: 'http://localhost:3000' });
});
afterAll(async () => {
  await app.close();
  await drop();
});

const casesOf = async (c: Client) => bodyOf(await c.get('/api/v1/cases?limit=200'), caseListSchema);

describe('the demo dossiers', () => {
  it('has about forty cases of every type and status for the regisseur', async () => {
    const all = await casesOf(await as('regisseur'));
    expect(all.total).toBeGreaterThanOrEqual(35);
    expect(new Set(all.items.map((c) => c.type))).toEqual(
      new Set(['person', 'household', 'group', 'area', 'undermining']),
    );
    expect(new Set(all.items.map((c) => c.status)).size).toBeGreaterThanOrEqual(6);
    expect(all.items.some((c) => c.status === 'closed')).toBe(true);
  });

  it('gives each professional a different, non-empty slice', async () => {
    const slices = new Map<string, string>();
    for (const local of [
      'wijkagent',
      'wijkteam',
      'handhaving',
      'schuldhulp',
      'ggz',
      'jongerenwerk',
      'reclassering',
    ]) {
      const mine = await casesOf(await as(local));
      expect(mine.total, local).toBeGreaterThan(0);
      expect(mine.total, local).toBeLessThan(40);
      slices.set(
        local,
        mine.items
          .map((c) => c.id)
          .sort()
          .join(),
      );
    }
    expect(new Set(slices.values()).size).toBe(slices.size);
  });

  it('shows the matrix at work: the police reads no care notes, the wijkteam does', async () => {
    const cop = await as('wijkagent');
    const care = await as('wijkteam');
    const copCases = new Set((await casesOf(cop)).items.map((c) => c.id));
    let careSawZorg = false;
    for (const c of (await casesOf(care)).items) {
      const e = bodyOf(await care.get(`/api/v1/cases/${c.id}/entries`), entryListSchema);
      careSawZorg ||= e.items.some((x) => x.category === 'zorg');
    }
    expect(careSawZorg).toBe(true);
    for (const c of [...copCases]) {
      const e = bodyOf(await cop.get(`/api/v1/cases/${c}/entries`), entryListSchema);
      expect(e.items.map((x) => x.category)).not.toContain('zorg');
    }
  });

  it('tells the family plan: the household case shows the members person cases', async () => {
    const reg = await as('regisseur');
    const households = (await casesOf(reg)).items.filter((c) => c.type === 'household');
    let related = 0;
    for (const h of households) {
      related += bodyOf(await reg.get(`/api/v1/cases/${h.id}`), caseDetailSchema).relatedCases.length;
    }
    expect(related).toBeGreaterThan(0);
  });

  it('is internally consistent: authors wrote in categories their partner may write; history ends in the status', async () => {
    const badEntries = await db.query(
      `SELECT e.id FROM entries e LEFT JOIN access_matrix m
          ON m.tenant_id = e.tenant_id AND m.partner_id = e.partner_id AND m.category = e.category AND m.access = 'write'
        JOIN users u ON u.id = e.author_user_id
       WHERE m.category IS NULL OR u.partner_id <> e.partner_id OR e.created_at < (SELECT created_at FROM cases WHERE id = e.case_id)`,
    );
    expect(badEntries).toEqual([]);
    const badHistory = await db.query(
      `SELECT c.id FROM cases c WHERE c.status <> (
         SELECT h.to_status FROM case_status_history h WHERE h.case_id = c.id ORDER BY h.at DESC, h.id DESC LIMIT 1)`,
    );
    expect(badHistory).toEqual([]);
  });

  it('continues the reference numbers and keeps a valid audit chain', async () => {
    const reg = await as('regisseur');
    const refs = (await casesOf(reg)).items.map((c) => Number(c.reference.slice(5)));
    const created = bodyOf(
      await reg.post('/api/v1/cases', { type: 'area', title: 'Nieuw in de demo' }),
      caseSchema,
      201,
    );
    expect(Number(created.reference.slice(5))).toBe(Math.max(...refs) + 1);
    const verify = bodyOf(await (await as('privacy')).get('/api/v1/audit/verify'), auditVerifySchema);
    expect(verify.valid).toBe(true);
    expect(verify.count).toBeGreaterThan(0);
  });
});

describe('the demo coordination', () => {
  it('has meetings to come with agendas, actions of every status (some overdue) and unread alerts', async () => {
    const reg = await as('regisseur');
    const meetings = bodyOf(await reg.get('/api/v1/meetings?upcoming=true'), meetingListSchema);
    expect(new Set(meetings.items.map((m) => m.kind))).toEqual(new Set(['case', 'coordination', 'area']));
    expect(meetings.items.every((m) => m.agenda.length > 0)).toBe(true);
    const actions = bodyOf(await reg.get('/api/v1/actions?limit=200'), actionListSchema);
    expect(new Set(actions.items.map((a) => a.status))).toEqual(new Set(['open', 'done', 'cancelled']));
    expect(actions.items.some((a) => a.overdue)).toBe(true);
    expect(bodyOf(await reg.get('/api/v1/alerts'), alertListSchema).unread).toBeGreaterThan(0);
    // The police officer sees only the actions of cases the police takes part in.
    const cop = await as('wijkagent');
    const copActions = bodyOf(await cop.get('/api/v1/actions?limit=200'), actionListSchema);
    const copCases = new Set((await casesOf(cop)).items.map((c) => c.id));
    expect(copActions.items.length).toBeGreaterThan(0);
    expect(copActions.items.every((a) => copCases.has(a.caseId))).toBe(true);
  });
});

describe('the demo early warning', () => {
  it('has a month of creditor signals and resident reports, routed, matched and bundled, and a round for today', async () => {
    const reg = await as('regisseur');
    const creditor = bodyOf(await reg.get('/api/v1/signals?source=creditor&limit=200'), signalListSchema);
    expect(creditor.total).toBeGreaterThanOrEqual(40);
    expect(creditor.items.every((s) => s.routedPartnerId !== null)).toBe(true);
    const resident = bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema);
    expect(resident.total).toBeGreaterThanOrEqual(10);
    const monitor = bodyOf(await reg.get('/api/v1/signals/monitor'), monitorSchema);
    expect(monitor.items.reduce((n, i) => n + i.signals, 0)).toBe(creditor.total);
    const fietser = await as('schuldhulp');
    const round = bodyOf(await fietser.get('/api/v1/outreach/worklist'), worklistSchema);
    expect(round.items.length).toBeGreaterThanOrEqual(5);
    // The police sees none of the debt signals.
    const cop = await as('wijkagent');
    expect(bodyOf(await cop.get('/api/v1/signals?source=creditor'), signalListSchema).total).toBe(0);
  });
});

describe('the demo plans', () => {
  const q = async (sql: string) => (await db.query(sql)) as Record<string, unknown>[];

  it('scores the persons of the person and household cases over months, as partners that may write the domain', async () => {
    const perCase = await q(
      // A moment may hold several partners' assessments (each scores the domains it may write).
      `SELECT count(DISTINCT a.assessed_on)::int AS n FROM assessments a JOIN cases c ON c.id = a.case_id
        WHERE c.type IN ('person', 'household') GROUP BY a.person_id, a.case_id`,
    );
    const counts = perCase.map((r) => Number(r.n));
    expect(counts.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
    expect(counts.filter((n) => n >= 4).length / counts.length).toBeGreaterThan(0.8);
    const span = await q(
      `SELECT max(assessed_on) - min(assessed_on) AS days FROM assessments GROUP BY person_id, case_id
       ORDER BY 1 DESC LIMIT 1`,
    );
    expect(Number(span[0]?.days)).toBeGreaterThan(120);
    // Each score by a partner whose matrix row writes the domain's category, its author of that partner.
    expect(
      await q(
        `SELECT sc.domain FROM assessment_scores sc
           JOIN assessments a ON a.id = sc.assessment_id
           JOIN life_domains ld ON ld.tenant_id = sc.tenant_id AND ld.key = sc.domain
           JOIN users u ON u.id = a.author_user_id
           LEFT JOIN access_matrix m ON m.tenant_id = a.tenant_id AND m.partner_id = a.author_partner_id
                AND m.category = ld.category AND m.access = 'write'
          WHERE m.category IS NULL OR u.partner_id <> a.author_partner_id`,
      ),
    ).toEqual([]);
    // Nothing happens after now.
    expect(
      await q(
        `SELECT 'assessment' FROM assessments WHERE assessed_on > current_date OR created_at > now()
         UNION ALL SELECT 'goal' FROM goals WHERE created_at > now() OR updated_at > now() OR updated_at < created_at
         UNION ALL SELECT 'evaluation' FROM evaluations WHERE evaluated_on > current_date OR created_at > now()
         UNION ALL SELECT 'case' FROM cases WHERE closed_at > now()`,
      ),
    ).toEqual([]);
  });

  it('shows improvement on some domains and a setback on others, and closed cases by result', async () => {
    const o = bodyOf(await (await as('regisseur')).get('/api/v1/outcomes'), outcomesSchema);
    expect(o.domains.filter((d) => d.improved > 0).length).toBeGreaterThanOrEqual(3);
    expect(o.domains.filter((d) => d.worsened > 0).length).toBeGreaterThanOrEqual(3);
    expect(o.closedCases.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(4);
    expect(
      await q(
        `SELECT id FROM cases WHERE status = 'closed' AND (result IS NULL OR result_text IS NULL OR closed_at IS NULL)`,
      ),
    ).toEqual([]);
  });

  it('has goals for the case subjects and household members, some achieved, with actions and evaluations', async () => {
    const statuses = await q('SELECT DISTINCT status FROM goals');
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['open', 'achieved']));
    // A goal is for a subject of its case or a member of the case's household.
    expect(
      await q(
        `SELECT g.id FROM goals g WHERE NOT EXISTS (
           SELECT 1 FROM case_subjects s WHERE s.case_id = g.case_id AND s.subject_id = g.subject_id)
           AND NOT EXISTS (SELECT 1 FROM case_subjects s JOIN subject_relations r
                             ON r.to_id = s.subject_id AND r.relation = 'member_of' AND r.from_id = g.subject_id
                            WHERE s.case_id = g.case_id)`,
      ),
    ).toEqual([]);
    // Actions toward a goal of their own case, whose domain the owning partner may read.
    const linked = await q(
      `SELECT a.id, (g.case_id = a.case_id) AS same_case, (m.category IS NOT NULL) AS readable
         FROM actions a JOIN goals g ON g.id = a.goal_id
         JOIN life_domains ld ON ld.tenant_id = g.tenant_id AND ld.key = g.domain
         LEFT JOIN access_matrix m ON m.tenant_id = a.tenant_id AND m.partner_id = a.owner_partner_id
              AND m.category = ld.category`,
    );
    expect(linked.length).toBeGreaterThanOrEqual(10);
    expect(linked.every((l) => l.same_case === true && l.readable === true)).toBe(true);
    const evaluated = await q(
      `SELECT e.id FROM evaluations e JOIN evaluation_goal_statuses s ON s.evaluation_id = e.id
        WHERE s.status <> 'open'`,
    );
    expect(evaluated.length).toBeGreaterThan(0);
  });

  it('tells the household plan: the family in debt has goals for the household and the son his own approach', async () => {
    const family = await q(
      `SELECT g.subject_kind, g.domain, g.text FROM goals g JOIN cases c ON c.id = g.case_id
        WHERE c.title LIKE 'Gezinsplan Gezin El Idrissi%'`,
    );
    expect(family.some((g) => g.subject_kind === 'household' && g.domain === 'financien')).toBe(true);
    expect(family.some((g) => g.subject_kind === 'person')).toBe(true);
    const son = await q(
      `SELECT g.domain FROM goals g JOIN cases c ON c.id = g.case_id
        WHERE c.title LIKE 'Persoonsgerichte aanpak zoon%'`,
    );
    expect(son.map((g) => g.domain)).toContain('criminaliteit');
  });
});

describe('the demo household plan through the API', () => {
  it('shows the members own cases to whoever sees them, and the son his household case only when it may', async () => {
    const reg = await as('regisseur');
    const all = (await casesOf(reg)).items;
    const family = all.find((c) => c.title.startsWith('Gezinsplan Gezin El Idrissi'));
    const son = all.find((c) => c.title.startsWith('Persoonsgerichte aanpak zoon'));
    const mother = all.find((c) => c.title.startsWith('Schuldhulp voor moeder'));
    if (!family || !son || !mother) throw new Error('the El Idrissi cases are missing');

    const plan = bodyOf(await reg.get(`/api/v1/cases/${family.id}/plan`), planSchema);
    expect(plan.linkedCases.map((c) => c.id).sort()).toEqual([son.id, mother.id].sort());
    expect(plan.goals.some((g) => g.domain === 'financien')).toBe(true);
    // The son's own goals come along, as far as the municipality's matrix row reads their domain
    // (criminaliteit is the police's category: not for the regisseur).
    expect(plan.linkedGoals.some((g) => g.caseId === son.id)).toBe(true);
    expect(plan.linkedGoals.some((g) => g.domain === 'criminaliteit')).toBe(false);
    expect(plan.latestScores.length).toBeGreaterThan(5);
    expect(plan.evaluations.length).toBeGreaterThan(0);

    // The wijkteam works in the household case, not in the son's: it sees the mother's case only, and
    // no score or goal on criminaliteit (politie) anywhere.
    const care = bodyOf(await (await as('wijkteam')).get(`/api/v1/cases/${family.id}/plan`), planSchema);
    expect(care.linkedCases.map((c) => c.id)).toEqual([mother.id]);
    expect([...care.goals, ...care.linkedGoals].some((g) => g.domain === 'criminaliteit')).toBe(false);
    expect(care.latestScores.some((s) => s.domain === 'criminaliteit')).toBe(false);

    // The police sees the son's plan with its own domain, and not the household case it is not part of.
    const cop = bodyOf(await (await as('wijkagent')).get(`/api/v1/cases/${son.id}/plan`), planSchema);
    expect(cop.goals.some((g) => g.domain === 'criminaliteit')).toBe(true);
    expect(cop.householdCases).toEqual([]);
    expect(
      bodyOf(await reg.get(`/api/v1/cases/${son.id}/plan`), planSchema).householdCases.map((c) => c.id),
    ).toEqual([family.id]);
  });
});

describe('the demo neighbourhood', () => {
  it('has a year of incidents with a hotspot on the station square that the approach bends, and field notes', async () => {
    const cop = await as('wijkagent');
    const areas = bodyOf(await cop.get('/api/v1/areas'), areaListSchema).items;
    const centrum = areas.find((a) => a.code === 'WK999901');
    const station = areas.find((a) => a.code === 'BU99990102');
    const picture = bodyOf(await cop.get(`/api/v1/areas/${centrum?.id}/picture`), areaPictureSchema);
    expect(picture.months).toHaveLength(12);
    const stationLine = picture.buurten.find((b) => b.id === station?.id);
    const other = picture.buurten.find((b) => b.id !== station?.id);
    expect(stationLine?.incidents).toBeGreaterThan(3 * (other?.incidents ?? 0));
    expect(picture.byCategory[0]?.category).toBe('overlast_jeugd');
    // The busiest spot lies in the Stationskwartier and holds a good part of its incidents.
    expect(picture.hotspots[0]?.count).toBeGreaterThan(50);

    const [approach] = bodyOf(
      await cop.get(`/api/v1/approaches?areaId=${station?.id}`),
      approachListSchema,
    ).items;
    const full = bodyOf(await cop.get(`/api/v1/approaches/${approach?.id}`), approachSchema);
    expect(full.title).toBe('Veilig Stationskwartier');
    expect(full.partners.length).toBeGreaterThanOrEqual(5);
    const youth = full.indicators.find((i) => i.incidentCategory === 'overlast_jeugd');
    // Six complete months since the start; the last is well below the first.
    expect(youth?.series.length).toBe(6);
    expect(youth?.series.at(-1)?.value ?? 99).toBeLessThan(youth?.series[0]?.value ?? 0);
    expect(youth?.progress ?? 0).toBeGreaterThan(0);
    expect(full.indicators.find((i) => i.source === 'manual')?.latest).toBe(58);

    const notes = bodyOf(await cop.get(`/api/v1/observations?areaId=${centrum?.id}`), observationListSchema);
    expect(notes.items.length).toBeGreaterThanOrEqual(4);
  });

  it('has a complete sociale kaart for every wijk, each of the demo partner of that kind', async () => {
    const cop = await as('wijkagent');
    const wijken = bodyOf(await cop.get('/api/v1/areas'), areaListSchema).items.filter(
      (a) => a.kind === 'wijk',
    );
    expect(wijken).toHaveLength(5);
    const kindOf = new Map(
      bodyOf(await cop.get('/api/v1/partners'), partnerListSchema).items.map((p) => [p.id, p.kind]),
    );
    const kinds = {
      wijkagent: 'politie',
      wijkteam: 'wijkteam',
      jongerenwerker: 'jongerenwerk',
      woonconsulent: 'woningcorporatie',
      handhaver: 'handhaving',
      schuldhulp: 'schuldhulp',
    } as const;
    for (const wijk of wijken) {
      const map = bodyOf(await cop.get(`/api/v1/social-map?areaId=${wijk.id}`), socialMapSchema);
      for (const [role, kind] of Object.entries(kinds)) {
        const people = map.items.filter((p) => p.role === role && p.areas.some((a) => a.id === wijk.id));
        expect(people.length, `${role} in ${wijk.name}`).toBeGreaterThanOrEqual(1);
        for (const p of people) {
          expect(kindOf.get(p.partnerId)).toBe(kind);
          expect(p.phone).toMatch(/^0\d/);
          expect(p.email).toMatch(/@/);
          expect(p.availability).toBeTruthy();
        }
      }
    }
  });
});

describe('the demo surveys', () => {
  it('has a finished survey with results per buurt (one suppressed), a previous one and a running one', async () => {
    const cop = await as('wijkagent');
    const surveys = bodyOf(await cop.get('/api/v1/surveys'), surveyListSchema).items;
    expect(surveys.some((s) => s.status === 'open')).toBe(true);
    const closed = surveys.filter((s) => s.status === 'closed' && s.publishedAt !== null);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    const latest = closed[0];
    const r = bodyOf(await cop.get(`/api/v1/surveys/${latest?.id}/results`), surveyResultsSchema);
    const shown = r.buurten.filter((b) => b.n >= 10);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const b of shown) expect(b.unsafeSometimesPct).not.toBeNull();
    const suppressed = r.buurten.filter((b) => b.n > 0 && b.n < 10);
    expect(suppressed.length).toBeGreaterThanOrEqual(1);
    expect(suppressed[0]?.cohesionScore).toBeNull();
    expect(r.buurten.filter((b) => b.previous !== null).length).toBeGreaterThanOrEqual(6);
    const station = r.buurten.find((b) => b.name === 'Stationskwartier');
    expect(station?.unsafeSometimesPct ?? 100).toBeLessThan(station?.previous?.unsafeSometimesPct ?? 0);

    const [approach] = bodyOf(await cop.get('/api/v1/approaches'), approachListSchema).items.filter(
      (a) => a.title === 'Veilig Stationskwartier',
    );
    const full = bodyOf(await cop.get(`/api/v1/approaches/${approach?.id}`), approachSchema);
    const fromSurvey = full.indicators.find((i) => i.source === 'survey');
    expect(fromSurvey?.surveyIndicator).toBe('unsafeSometimesPct');
    expect(fromSurvey?.series).toHaveLength(2);
  });
});

describe('the demo resident groups', () => {
  it('has a buurtpreventie team and a wijkraad with members and reports in the inbox, and a how-to-report text', async () => {
    const cop = await as('wijkagent');
    const groups = bodyOf(await cop.get('/api/v1/resident-groups'), residentGroupListSchema).items;
    const preventie = groups.find((g) => g.kind === 'buurtpreventie');
    const wijkraad = groups.find((g) => g.kind === 'wijkraad');
    expect(preventie?.manages).toBe(true);
    expect(wijkraad?.manages).toBe(false);
    // The wijkagent coordinates the buurtpreventie: the members' contact data; of the wijkraad only names.
    const own = bodyOf(await cop.get(`/api/v1/resident-groups/${preventie?.id}`), residentGroupSchema);
    expect(own.members.length).toBeGreaterThanOrEqual(3);
    expect(own.members.every((m) => m.email?.includes('@'))).toBe(true);
    const other = bodyOf(await cop.get(`/api/v1/resident-groups/${wijkraad?.id}`), residentGroupSchema);
    expect(other.members.length).toBeGreaterThanOrEqual(3);
    expect(other.members.every((m) => m.email === undefined)).toBe(true);
    const reports = bodyOf(
      await cop.get(`/api/v1/resident-groups/${preventie?.id}/reports`),
      groupReportListSchema,
    );
    expect(reports.items.length).toBeGreaterThanOrEqual(2);
    expect(reports.items.every((r) => r.trackingCode !== null)).toBe(true);
    const inbox = bodyOf(
      await (await as('regisseur')).get('/api/v1/signals?source=resident&limit=100'),
      signalListSchema,
    );
    const fromGroups = inbox.items.filter((s) => s.residentGroupId !== null);
    expect(new Set(fromGroups.map((s) => s.residentGroupName))).toEqual(
      new Set([preventie?.name, wijkraad?.name]),
    );
    expect(fromGroups.some((s) => s.urgency === 'spoed')).toBe(true);
    const text = bodyOf(
      await app.inject({ method: 'GET', url: '/api/public/v1/how-to-report' }),
      howToReportSchema,
    );
    expect(text.updatedAt).not.toBeNull();
    expect(text.intro).toContain('Voorbeeldstad');
  });
});
