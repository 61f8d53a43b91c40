import { randomBytes, randomUUID } from 'node:crypto';
import {
  actionSchema,
  alertListSchema,
  assessmentSchema,
  auditListSchema,
  caseFromSignalSchema,
  caseSchema,
  categorySchema,
  entrySchema,
  evaluationSchema,
  goalSchema,
  groupMemberSchema,
  groupReportReceiptSchema,
  importAnswerSchema,
  matrixSchema,
  meetingSchema,
  partnerSchema,
  personSchema,
  preferencesSchema,
  processingActivitySchema,
  publicReportReceiptSchema,
  relationSchema,
  residentGroupSchema,
  SURVEY_QUESTIONS,
  signalCategoryViewSchema,
  signalRouteSchema,
  signalSchema,
  socialMapEntrySchema,
  subjectSchema,
  surveyResponseReceiptSchema,
  surveySchema,
  userSchema,
  visitSchema,
} from '@wijkregie/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, idRow, oneRow, rows } from '../src/db/rows.js';
import {
  bodyOf,
  Client,
  loggedIn,
  newTenant,
  PASSWORD,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';
import { type JsonSchema, OpenApi, type Operation, type SampleRules } from './openapi-samples.js';
import { AlertStream } from './sse.js';

/**
 * Two municipalities on one installation never see each other's data, through ANY route.
 *
 * Municipality A gets a rich set of objects through the API. Then every user of B (one per role,
 * and a debt counsellor who may import) calls every operation of the OpenAPI document: path
 * parameters, query parameters and body references are filled with A's ids and keys, one at a time
 * (the other references with B's own, so that the request reaches the check on that one), and each
 * such request is repeated with a fresh random id or key in the same place. The rules:
 *   - a 2xx answer never contains one of A's ids, keys or names;
 *   - no answer contains A's ids, keys or names that the request did not send itself;
 *   - A's id answers exactly as a random id does (another tenant's record is "not found", not
 *     forbidden, and never accepted as a reference);
 *   - B's session holds throughout (no 401 that would make the sweep pass vacuously);
 *   - A's data is unchanged: every row with A's tenant_id, and A's own reads through the API.
 * The operations come from `/api/v1/openapi.json`, so a new route is swept without changing this
 * file; a body is generated from its JSON schema (references by field name, see `refKind`).
 */

type Kind =
  | 'person'
  | 'household'
  | 'group'
  | 'location'
  | 'partner'
  | 'user'
  | 'area'
  | 'case'
  | 'entry'
  | 'action'
  | 'meeting'
  | 'alert'
  | 'signal'
  | 'visit'
  | 'import'
  | 'route'
  | 'socialMapEntry'
  | 'processingActivity'
  | 'goal'
  | 'residentGroup'
  | 'groupMember'
  | 'survey'
  | 'category'
  | 'signalCategory'
  | 'tenant';

type World = Record<Kind, string> & { trackingCode: string; searchTerm: string };

interface Built {
  t: TestTenant;
  marker: string;
  world: World;
  users: TestUser[];
}

let app: FastifyInstance;
let api: OpenApi;
let A: Built;
let B: Built;

/** The answer of a request that made `what`, checked against the route's response schema. */
function ok<S extends z.ZodType>(
  res: LightMyRequestResponse,
  what: string,
  schema: S,
  status = 201,
): z.output<S> {
  try {
    return bodyOf(res, schema, status);
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}`);
  }
}
const idOf = <S extends z.ZodType<{ id: string }>>(
  res: LightMyRequestResponse,
  what: string,
  schema: S,
  status = 201,
): string => ok(res, what, schema, status).id;
function noContent(res: LightMyRequestResponse, what: string) {
  if (res.statusCode !== 204) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** A municipality with one of everything, made through the API (areas have no route: SQL). */
async function build(label: string): Promise<Built> {
  const t = await newTenant(['gemeente', 'wijkteam', 'schuldhulp']);
  const hex = randomUUID().replaceAll('-', '').slice(0, 10);
  const marker = `Geheim${label}${hex}`;
  const db = await testDb();
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const wijk = await oneRow(
    db,
    idRow,
    `INSERT INTO areas (tenant_id, kind, code, name, geometry) VALUES ($1, 'wijk', 'WK000101', $2, $3::jsonb) RETURNING id`,
    [t.id, `${marker} Wijk`, JSON.stringify(square(5, 52, 0.1))],
  );
  const buurt = await oneRow(
    db,
    idRow,
    `INSERT INTO areas (tenant_id, kind, code, name, parent_id, geometry)
     VALUES ($1, 'buurt', 'BU00010101', $2, $3, $4::jsonb) RETURNING id`,
    [t.id, `${marker} Buurt`, wijk.id, JSON.stringify(square(5, 52, 0.05))],
  );
  const point = { lat: 52.02, lng: 5.02 };

  const admin = await loggedIn(app, t.admin);
  const reg = await loggedIn(app, t.regisseur);
  const pro = await loggedIn(app, t.professional); // wijkteam
  const debtUser = await t.addUser('schuldhulp', ['professional']);
  const debt = await loggedIn(app, debtUser);

  const partner = idOf(
    await admin.post('/api/v1/partners', { name: `${marker} Zorgpartner`, kind: 'zorg' }),
    'partner',
    partnerSchema,
  );
  const user = idOf(
    await admin.post('/api/v1/users', {
      email: `${marker.toLowerCase()}@test.example`,
      name: `${marker} Medewerker`,
      password: PASSWORD,
      partnerId: partner,
      roles: ['professional'],
    }),
    'user',
    userSchema,
  );
  const category = `k${label.toLowerCase()}${hex}`;
  ok(
    await admin.post('/api/v1/categories', { key: category, label: `${marker} categorie` }),
    'category',
    categorySchema,
  );
  ok(
    await reg.put('/api/v1/access-matrix', {
      cells: [
        { partnerId: t.partners.gemeente, category: 'basis', access: 'write' },
        { partnerId: t.partners.wijkteam, category: 'basis', access: 'write' },
        { partnerId: t.partners.wijkteam, category, access: 'write' },
        { partnerId: t.partners.gemeente, category: 'zorg', access: 'write' },
        { partnerId: t.partners.wijkteam, category: 'zorg', access: 'write' },
        { partnerId: t.partners.schuldhulp, category: 'basis', access: 'read' },
        { partnerId: partner, category: 'basis', access: 'read' },
      ],
    }),
    'matrix',
    matrixSchema,
    200,
  );
  const signalCategory = `s${label.toLowerCase()}${hex}`;
  ok(
    await admin.post('/api/v1/signal-categories', {
      key: signalCategory,
      label: `${marker} signaalsoort`,
      publicReport: true,
      deadlineDays: 5,
    }),
    'signal category',
    signalCategoryViewSchema,
  );
  const route = idOf(
    await admin.post('/api/v1/signal-routes', {
      category: signalCategory,
      areaId: buurt.id,
      partnerId: t.partners.wijkteam,
    }),
    'route',
    signalRouteSchema,
  );

  // Subjects. The first person's birth date and address are what the creditor file below matches on.
  const address = {
    street: 'Isolatielaan',
    houseNumber: label === 'A' ? '77' : '78',
    postalCode: '9991ZZ',
    city: 'Isolatiestad',
  };
  const person = idOf(
    await reg.post('/api/v1/persons', {
      firstName: marker,
      lastName: 'Zwanenburg',
      birthDate: label === 'A' ? '1971-03-04' : '1972-05-06',
      address,
    }),
    'person',
    personSchema,
  );
  const person2 = idOf(
    await reg.post('/api/v1/persons', { firstName: marker, lastName: 'Tweede' }),
    'person 2',
    personSchema,
  );
  const household = idOf(
    await reg.post('/api/v1/households', {
      name: `${marker} huishouden`,
      memberIds: [person, person2],
      contactPersonId: person,
    }),
    'household',
    subjectSchema,
  );
  const location = idOf(
    await reg.post('/api/v1/locations', { name: `${marker} plein`, ...point }),
    'location',
    subjectSchema,
  );
  const group = idOf(
    await reg.post('/api/v1/groups', {
      name: `${marker} groep`,
      classification: 'hinderlijk',
      memberIds: [person2],
      meetingPlaceIds: [location],
    }),
    'group',
    subjectSchema,
  );
  ok(
    await reg.post('/api/v1/relations', {
      from: { kind: 'person', id: person },
      type: 'lives_at',
      to: { kind: 'location', id: location },
    }),
    'relation',
    relationSchema,
  );

  // A case with entries (one by the professional: an alert for the director), an action, a meeting.
  const theCase = idOf(
    await reg.post('/api/v1/cases', {
      type: 'person',
      title: `${marker} casus`,
      subjects: [{ kind: 'person', id: person }],
      partnerIds: [t.partners.wijkteam],
      directorUserId: t.regisseur.id,
      areaId: buurt.id,
    }),
    'case',
    caseSchema,
  );
  ok(await pro.put('/api/v1/me/preferences', { email: 'immediate' }), 'preferences', preferencesSchema, 200);
  noContent(await pro.post(`/api/v1/cases/${theCase}/follow`), 'follow');
  const entry = idOf(
    await reg.post(`/api/v1/cases/${theCase}/entries`, { category: 'basis', text: `${marker} notitie` }),
    'entry',
    entrySchema,
  );
  ok(
    await pro.post(`/api/v1/cases/${theCase}/entries`, { category, text: `${marker} zorgnotitie` }),
    'entry 2',
    entrySchema,
  );
  // The plan: a goal, an assessment and an evaluation.
  const goal = idOf(
    await reg.post(`/api/v1/cases/${theCase}/goals`, {
      domain: 'werk_opleiding',
      subjectId: person,
      text: `${marker} doel`,
    }),
    'goal',
    goalSchema,
  );
  ok(
    await pro.post(`/api/v1/persons/${person}/assessments`, {
      caseId: theCase,
      date: '2026-01-05',
      scores: [{ domain: 'werk_opleiding', score: 2, note: `${marker} score` }],
    }),
    'assessment',
    assessmentSchema,
  );
  ok(
    await reg.post(`/api/v1/cases/${theCase}/evaluations`, {
      date: '2026-01-06',
      text: `${marker} evaluatie`,
      goalStatuses: [{ goalId: goal, status: 'open' }],
    }),
    'evaluation',
    evaluationSchema,
  );
  const action = idOf(
    await reg.post(`/api/v1/cases/${theCase}/actions`, {
      title: `${marker} actie`,
      ownerPartnerId: t.partners.wijkteam,
      assigneeUserId: t.professional.id,
      dueDate: '2020-01-06',
      goalId: goal,
    }),
    'action',
    actionSchema,
  );
  const meeting = idOf(
    await reg.post('/api/v1/meetings', {
      title: `${marker} overleg`,
      kind: 'case',
      startsAt: '2030-01-07T09:00:00+01:00',
      chairUserId: t.regisseur.id,
      partnerIds: [t.partners.wijkteam],
      caseIds: [theCase],
    }),
    'meeting',
    meetingSchema,
  );
  ok(
    await reg.post(`/api/v1/meetings/${meeting}/minutes`, {
      caseId: theCase,
      category: 'basis',
      text: `${marker} verslag`,
    }),
    'minutes',
    entrySchema,
  );

  // Signals: a professional's, one made into a case, a visit with its outcome, a creditor import.
  const signal = idOf(
    await pro.post('/api/v1/signals', {
      category: signalCategory,
      description: `${marker} signaal`,
      source: 'professional',
      location: { ...point, street: 'Isolatielaan', houseNumber: '77' },
      personIds: [person],
    }),
    'signal',
    signalSchema,
  );
  const signal2 = idOf(
    await reg.post('/api/v1/signals', {
      category: signalCategory,
      description: `${marker} tweede`,
      source: 'professional',
      personIds: [person],
    }),
    'signal 2',
    signalSchema,
  );
  ok(
    await reg.post(`/api/v1/signals/${signal2}/case`, {
      title: `${marker} casus uit signaal`,
      type: 'person',
    }),
    'signal → case',
    caseFromSignalSchema,
  );
  const visited = idOf(
    await reg.post(`/api/v1/signals/${signal}/visits`, { plannedDate: '2030-01-07' }),
    'visit',
    visitSchema,
  );
  ok(
    await reg.post(`/api/v1/visits/${visited}/outcome`, { outcome: 'contact', notes: `${marker} bezoek` }),
    'outcome',
    visitSchema,
    200,
  );
  // And one still to make (B's outcome requests then reach the checks of their references).
  const visit = idOf(
    await reg.post(`/api/v1/signals/${signal}/visits`, { plannedDate: '2030-01-08' }),
    'visit 2',
    visitSchema,
  );
  const imported = ok(
    await debt.request({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: creditorCsv(label === 'A' ? '77' : '78', label === 'A' ? '1971-03-04' : '1972-05-06', hex),
    }),
    'import',
    importAnswerSchema,
    200,
  );
  if (!imported.importId) throw new Error('import: no importId');
  const report = ok(
    await new Client(app, someAddress()).post(`/api/public/v1/reports?gemeente=${t.id}`, {
      category: signalCategory,
      description: `${marker} melding van een bewoner`,
    }),
    'public report',
    publicReportReceiptSchema,
  );
  // A professional on the sociale kaart.
  const socialMapEntry = idOf(
    await reg.post('/api/v1/social-map', {
      name: `${marker} wijkagent`,
      partnerId: t.regisseur.partnerId,
      role: 'wijkagent',
      areaIds: [buurt.id],
      email: `kaart-${hex}@test.example`,
    }),
    'social map entry',
    socialMapEntrySchema,
  );
  // An activity of the register of processing.
  const processingActivity = idOf(
    await admin.post('/api/v1/processing-activities', {
      name: `${marker} verwerking`,
      purpose: 'Isolatiecontrole',
      legalBasis: 'AVG art. 6 lid 1 sub e',
      retentionDays: 30,
      categories: ['basis'],
    }),
    'processing activity',
    processingActivitySchema,
  );
  // A resident group with a member and a report (a signal with the group).
  const residentGroup = idOf(
    await reg.post('/api/v1/resident-groups', {
      name: `${marker} bewonersgroep`,
      kind: 'buurtpreventie',
      areaIds: [buurt.id],
      contactEmail: `groep-${hex}@test.example`,
    }),
    'resident group',
    residentGroupSchema,
  );
  const groupMember = idOf(
    await reg.post(`/api/v1/resident-groups/${residentGroup}/members`, {
      name: `${marker} lid`,
      email: `lid-${hex}@test.example`,
      role: 'lid',
    }),
    'group member',
    groupMemberSchema,
  );
  ok(
    await reg.post(`/api/v1/resident-groups/${residentGroup}/reports`, {
      category: signalCategory,
      description: `${marker} melding van de groep`,
      urgency: 'hoog',
    }),
    'group report',
    groupReportReceiptSchema,
  );
  // A neighbourhood survey with a response from a resident who left an email.
  const survey = ok(
    await reg.post('/api/v1/surveys', {
      title: `${marker} enquête`,
      areaIds: [buurt.id],
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    }),
    'survey',
    surveySchema,
  );
  ok(
    await new Client(app, someAddress()).post(`/api/public/v1/surveys/${survey.publicCode}/responses`, {
      buurtId: buurt.id,
      answers: Object.fromEntries(
        SURVEY_QUESTIONS.map((q) => [q.key, q.options ? (q.options[0]?.value ?? 1) : (q.min ?? 1)]),
      ),
      contactEmail: `enquete-${hex}@test.example`,
    }),
    'survey response',
    surveyResponseReceiptSchema,
  );
  const alerts = ok(await reg.get('/api/v1/alerts'), 'alerts', alertListSchema, 200).items;
  if (!alerts[0]) throw new Error('no alert');

  return {
    t,
    marker,
    users: [t.admin, t.regisseur, t.professional, t.auditor, debtUser],
    world: {
      person,
      household,
      group,
      location,
      partner,
      user,
      area: buurt.id,
      case: theCase,
      entry,
      action,
      meeting,
      alert: alerts[0].id,
      signal,
      visit,
      import: imported.importId,
      socialMapEntry,
      processingActivity,
      route,
      goal,
      residentGroup,
      groupMember,
      survey: survey.id,
      category,
      signalCategory,
      tenant: t.id,
      trackingCode: report.trackingCode,
      searchTerm: marker,
    },
  };
}

/** A loopback address of its own: the resident limits count per address, in the database, across runs. */
function someAddress(): string {
  const b = randomBytes(3);
  return `127.${b[0]}.${b[1]}.${b[2]}`;
}

/** A creditor file whose row is about the first person (last name, birth date, address). */
function creditorCsv(houseNumber: string, birthDate: string, hex: string): string {
  const header =
    'creditorType;creditorName;reference;signalDate;lastName;initials;birthDate;street;houseNumber;postalCode;city;arrearsAmount;arrearsSince;endOfSupply';
  const row = `energie;Stroom BV;ISO-${hex};2026-09-15;Zwanenburg;Z.;${birthDate};Isolatielaan;${houseNumber};9991ZZ;Isolatiestad;312,50;2026-09-01;nee`;
  return `${header}\r\n${row}\r\n`;
}

// ---- Generating requests from the OpenAPI document ---------------------------------------------

/** Which object a reference field points at, from its name (`partnerIds` → partner, …). */
function refKind(name: string, path: string): Kind | undefined {
  const n = name.toLowerCase().replace(/ids?$/, '');
  if (n === 'category')
    return path.includes('/signal') || path.includes('/reports') ? 'signalCategory' : 'category';
  const table: [RegExp, Kind][] = [
    [/processingactivity/, 'processingActivity'],
    [/person|member/, 'person'],
    [/partner/, 'partner'],
    [/user|chair|director|assignee|visitor/, 'user'],
    [/area|buurt|wijk/, 'area'],
    [/household/, 'household'],
    [/residentgroup/, 'residentGroup'],
    [/group/, 'group'],
    [/location|place/, 'location'],
    [/case/, 'case'],
    [/meeting/, 'meeting'],
    [/signal|into/, 'signal'],
    [/action/, 'action'],
    [/entry|corrects/, 'entry'],
    [/alert/, 'alert'],
    [/visit/, 'visit'],
    [/import/, 'import'],
    [/route/, 'route'],
    [/goal/, 'goal'],
    [/subject/, 'person'],
    [/gemeente|tenant/, 'tenant'],
  ];
  return table.find(([re]) => re.test(n))?.[1];
}

/** The object a path parameter names, from the segment before it (`/cases/{id}` → case). */
function pathKind(path: string, param: string): Kind | undefined {
  if (param === 'code' || param === 'publicCode') return undefined;
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
  const table: Record<string, Kind> = {
    persons: 'person',
    households: 'household',
    groups: 'group',
    locations: 'location',
    partners: 'partner',
    users: 'user',
    areas: 'area',
    cases: 'case',
    entries: 'entry',
    actions: 'action',
    meetings: 'meeting',
    alerts: 'alert',
    signals: 'signal',
    visits: 'visit',
    imports: 'import',
    'signal-routes': 'route',
    'social-map': 'socialMapEntry',
    'processing-activities': 'processingActivity',
    'signal-categories': 'signalCategory',
    categories: 'category',
    goals: 'goal',
    'resident-groups': 'residentGroup',
    members: 'groupMember',
    surveys: 'survey',
  };
  return table[before];
}

/** A reference slot is filled by `pick`: B's own value, A's, or a random one. */
type Pick = (kind: Kind | undefined) => string;

const ALL_KINDS: Kind[] = [
  'person',
  'household',
  'group',
  'location',
  'partner',
  'user',
  'area',
  'case',
  'entry',
  'action',
  'meeting',
  'alert',
  'signal',
  'visit',
  'import',
  'route',
  'socialMapEntry',
  'processingActivity',
  'goal',
  'residentGroup',
  'groupMember',
  'survey',
];

let counter = 0;
/**
 * The rules of a body for this sweep: required fields and every reference, the reference slots
 * filled by `pick`, values chosen so that the request gets as far as the check on its references.
 */
function referenceRules(path: string, pick: Pick): SampleRules {
  return {
    includes: (key, p, s) => Boolean(s.required?.includes(key)) || referencesIn(p, key, path),
    // A choice that a reference depends on takes the value the reference is named after
    // (`outcome: 'referred'` with `referredPartnerId`), so the reference is not ignored.
    property: (key, p, s) =>
      p.enum?.find(
        (v) =>
          typeof v === 'string' && Object.keys(s.properties ?? {}).some((k) => k !== key && k.startsWith(v)),
      ),
    // A subject reference: the id follows the kind.
    whole(s) {
      const props = s.properties;
      if (!(props?.kind?.enum && props.id?.format === 'uuid')) return undefined;
      const kind = (props.kind.enum.includes('person') ? 'person' : props.kind.enum[0]) as Kind;
      return { kind, id: pick(kind) };
    },
    // A change with nothing required and no reference: change its first field.
    nonEmpty: true,
    arrayItem: (s, name) =>
      (s.minItems ?? 0) > 0 || referencesIn(s.items ?? {}, name.replace(/s$/, ''), path),
    choose(values, name) {
      if (name === 'access') return 'write';
      if (name === 'type' && values.includes('member_of')) return 'member_of';
      return values[0];
    },
    leaf(type, s, name) {
      if (type === 'string') {
        if (s.format === 'uuid') return pick(refKind(name, path));
        if (name === 'category') return pick(refKind(name, path));
        if (s.format === 'date') return '2030-01-07';
        if (s.format === 'date-time') return '2030-01-07T09:00:00.000Z';
        if (name === 'key')
          return `k${(++counter).toString(36)}${randomUUID().slice(0, 6).replace(/-/g, '')}`;
        if (name === 'email') return `sweep-${++counter}-${randomUUID().slice(0, 8)}@test.example`;
        if (name === 'password') return PASSWORD;
        if (name === 'postalCode') return '1234AB';
        if (name === 'houseNumber') return '1';
        return `Isolatiecontrole ${++counter}`;
      }
      if (type === 'number' || type === 'integer') {
        if (name === 'lat') return 52.02;
        if (name === 'lng') return 5.02;
        return s.minimum ?? 1;
      }
      if (type === 'boolean') return false;
      return null;
    },
  };
}

/** Whether a property holds a reference (to include it even when optional). */
function referencesIn(schema: JsonSchema, name: string, path: string): boolean {
  const s = api.deref(schema) ?? {};
  const option = s.anyOf ?? s.oneOf;
  if (option) return option.some((o) => referencesIn(o, name, path));
  if (s.type === 'string') return s.format === 'uuid' || name === 'category';
  if (s.type === 'array') return referencesIn(s.items ?? {}, name.replace(/s$/, ''), path);
  if (s.properties) return Object.entries(s.properties).some(([k, p]) => referencesIn(p, k, path));
  return false;
}

/** Fix-ups where a body's fields depend on each other; `sent` holds the foreign values placed. */
function fixBody(op: Operation, body: unknown, sent: string[], own: World, foreign: World): unknown {
  const b = body as Record<string, unknown>;
  // A household's contact person is one of its members: the foreign one goes in both places.
  if (
    op.path === '/api/v1/households' &&
    Array.isArray(b.memberIds) &&
    typeof b.contactPersonId === 'string'
  ) {
    const placed = sent.find((v) => v === b.contactPersonId || (b.memberIds as string[]).includes(v));
    const person = placed ?? b.contactPersonId;
    b.memberIds = [person];
    b.contactPersonId = person;
  }
  // A location needs an address or a point.
  if (op.path === '/api/v1/locations' && op.method === 'POST') return { ...b, lat: 52.02, lng: 5.02 };
  // A person is a member of a group.
  if (op.path === '/api/v1/relations') {
    const to = b.to as { id: string };
    const placed = sent.indexOf(to.id);
    const group = placed >= 0 ? (sent[placed] === foreign.person ? foreign.group : randomUUID()) : own.group;
    if (placed >= 0) sent[placed] = group;
    return { ...b, type: 'member_of', to: { kind: 'group', id: group } };
  }
  return b;
}

interface Req {
  method: string;
  url: string;
  body?: unknown;
  raw?: { contentType: string; payload: string };
  /** The foreign values this request carries (A's, or the random stand-ins). */
  sent: string[];
}

/**
 * The requests of one operation: for each reference slot (path, query, body) one with A's value and
 * one with a random value there, the other slots B's own. Reads (and operations without a slot)
 * also go once with B's values only.
 */
function requestsFor(op: Operation, own: World, foreign: World): [Req, Req | undefined][] {
  const ownOf = (k: Kind | undefined): string => (k ? own[k] : own.case);
  const randomOf = (k: Kind | undefined) =>
    k === 'category' || k === 'signalCategory' ? `zz${randomUUID().slice(0, 8)}` : randomUUID();
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter(
    // `gemeente` names the municipality of the public pages: any resident may name any (by design).
    (p) =>
      p.in === 'query' &&
      p.name !== 'gemeente' &&
      (p.schema?.format === 'uuid' || p.name === 'q' || p.name === 'category'),
  );
  const requiredQuery = op.parameters.filter((p) => p.in === 'query' && p.required && !query.includes(p));

  // The slots, each a kind list (an unknown kind is tried with every kind of object).
  type Slot = { where: 'path' | 'query' | 'body'; index: number; kinds: (Kind | undefined)[] };
  const slots: Slot[] = [];
  pathParams.forEach((p, index) => {
    if (p.name === 'code') return; // a resident's tracking code: public by design (see below)
    const k = pathKind(op.path, p.name);
    slots.push({ where: 'path', index, kinds: k ? [k] : ALL_KINDS });
  });
  query.forEach((p, index) => {
    slots.push({ where: 'query', index, kinds: [p.name === 'q' ? undefined : refKind(p.name, op.path)] });
  });
  let bodySlots = 0;
  if (op.body) {
    api.sample(
      op.body,
      referenceRules(op.path, () => {
        bodySlots++;
        return randomUUID();
      }),
    );
  }
  for (let index = 0; index < bodySlots; index++) slots.push({ where: 'body', index, kinds: [undefined] });

  const make = (
    target: Slot | undefined,
    kind: Kind | undefined,
    value: (k: Kind | undefined) => string,
  ): Req => {
    const sent: string[] = [];
    const fill = (slot: Slot, k: Kind | undefined, fallback: string) => {
      if (slot === target) {
        const v = value(k);
        sent.push(v);
        return v;
      }
      return fallback;
    };
    let url = op.path;
    pathParams.forEach((p, index) => {
      const slot = slots.find((s) => s.where === 'path' && s.index === index);
      const k = pathKind(op.path, p.name);
      const v = slot ? fill(slot, slot.kinds.length > 1 ? kind : k, k ? own[k] : own.case) : own.trackingCode;
      url = url.replace(`{${p.name}}`, encodeURIComponent(v));
    });
    const qs = new URLSearchParams();
    query.forEach((p, index) => {
      const slot = slots.find((s) => s.where === 'query' && s.index === index);
      if (!slot || slot !== target) return; // B's own filters add nothing
      if (p.name === 'q') {
        const v = value === foreignValue ? foreign.searchTerm : `Onbekend${randomUUID().slice(0, 6)}`;
        sent.push(v);
        qs.set('q', v);
      } else {
        qs.set(p.name, fill(slot, refKind(p.name, op.path), ''));
      }
    });
    for (const p of requiredQuery) qs.set(p.name, p.schema?.enum ? String(p.schema.enum[0]) : '1');
    if (op.path.startsWith('/api/public/')) qs.set('gemeente', own.tenant);
    if (qs.size) url += `?${qs}`;
    let body: unknown;
    if (op.body) {
      let i = 0;
      const generated = api.sample(
        op.body,
        referenceRules(op.path, (k) => {
          const index = i++;
          const slot = slots.find((s) => s.where === 'body' && s.index === index);
          return slot ? fill(slot, k, ownOf(k)) : ownOf(k);
        }),
      );
      body = fixBody(op, generated, sent, own, foreign);
    }
    return { method: op.method, url, body, sent };
  };
  const foreignValue = (k: Kind | undefined) => (k ? foreign[k] : foreign.case);

  const out: [Req, Req | undefined][] = [];
  const isRead = op.method === 'GET';
  if (isRead || slots.length === 0) out.push([make(undefined, undefined, foreignValue), undefined]);
  for (const slot of slots) {
    for (const kind of slot.kinds) {
      out.push([make(slot, kind, foreignValue), make(slot, kind, randomOf)]);
    }
  }
  if (op.method === 'POST' && op.path === '/api/v1/signals/import') {
    for (const [r] of out) {
      r.raw = { contentType: 'text/csv', payload: creditorCsv('77', '1971-03-04', randomUUID().slice(0, 8)) };
    }
  }
  return out;
}

// ---- The sweep ----------------------------------------------------------------------------------

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every uuid in A's own reads, and what A built. */
let foreignIds: Set<string>;
/** A's keys and names: what no answer to B may contain. */
let foreignStrings: string[];

function findForeign(body: string, allowed: readonly string[]): string[] {
  const found = new Set<string>();
  for (const m of body.match(UUID) ?? []) {
    const id = m.toLowerCase();
    if (foreignIds.has(id) && !allowed.includes(id)) found.add(id);
  }
  const lower = body.toLowerCase();
  for (const s of foreignStrings) if (lower.includes(s.toLowerCase()) && !allowed.includes(s)) found.add(s);
  return [...found];
}

async function send(c: Client, r: Req): Promise<LightMyRequestResponse> {
  if (r.raw) {
    return c.request({
      method: 'POST',
      url: r.url,
      headers: { 'content-type': r.raw.contentType },
      payload: r.raw.payload,
    });
  }
  return c.request({
    method: r.method as 'GET',
    url: r.url,
    ...(r.body === undefined ? {} : { payload: r.body as object }),
  });
}

/** Every row of every table that carries A's tenant_id, as one digest per table. */
async function tenantRows(tenantId: string): Promise<Record<string, string>> {
  const db = await testDb();
  const tables = await rows(
    db,
    z.object({ table_name: col.text }),
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'tenant_id' AND table_schema = current_schema() ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    // A's queued emails are delivered meanwhile by whichever mailer of the installation claims them (in the
    // tests: another file's app on the same database), so of the outbox the messages count, not their
    // delivery state (status, attempts, next_attempt_at, locked_until, last_error, sent_at).
    const record =
      table_name === 'email_outbox'
        ? '(x.id, x.user_id, x.idempotency_key, x.kind, x.case_id, x.to_address, x.subject, x.body_text, x.body_html, x.created_at)::text'
        : 'x::text';
    const row = await oneRow(
      db,
      z.object({ n: col.int, digest: col.text }),
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(${record}, '|' ORDER BY ${record}), '')) AS digest
         FROM "${table_name}" x WHERE tenant_id = $1`,
      [tenantId],
    );
    out[table_name] = `${row.n} ${row.digest}`;
  }
  return out;
}

/** What A's own users read through the API (JSON answers of the GET operations with A's ids). */
async function readsOf(built: Built, ops: Operation[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const user of [built.t.regisseur, built.t.admin, built.t.professional]) {
    const c = await loggedIn(app, user);
    for (const op of ops) {
      // The audit log grows with every read (and so does a person's access report, which lists it); a
      // look at the situation is remembered; the stream never ends.
      if (
        op.method !== 'GET' ||
        /\/audit|access-report|situation|stream|openapi|\/session|^\/health|\/api\/public\//.test(op.path)
      )
        continue;
      let url = op.path;
      for (const p of op.parameters.filter((x) => x.in === 'path')) {
        const k = pathKind(op.path, p.name);
        url = url.replace(`{${p.name}}`, k ? built.world[k] : built.world.case);
      }
      const res = await c.get(url);
      if (!String(res.headers['content-type']).includes('json')) continue;
      out[`${user.roles.join()} ${url}`] = `${res.statusCode} ${res.body}`;
    }
  }
  return out;
}

beforeAll(async () => {
  app = await testApp();
  A = await build('A');
  B = await build('B');
}, 120_000);

describe('two municipalities on one installation', () => {
  it('B sees nothing of A and changes nothing of A, through every route of the OpenAPI document', async () => {
    api = await OpenApi.of(app);
    const ops = api.operations;
    expect(ops.length).toBeGreaterThan(50);

    const readsBefore = await readsOf(A, ops);
    const everything = [
      ...Object.values(A.world),
      ...A.users.map((u) => u.id),
      ...Object.values(A.t.partners),
      ...Object.values(readsBefore),
    ].join(' ');
    foreignIds = new Set([...everything.matchAll(UUID)].map((m) => m[0].toLowerCase()));
    for (const own of [
      ...Object.values(B.world),
      ...B.users.map((u) => u.id),
      ...Object.values(B.t.partners),
    ]) {
      expect(foreignIds.has(own.toLowerCase()), `B's ${own} in A's reads`).toBe(false);
    }
    foreignStrings = [
      A.marker,
      A.world.category,
      A.world.signalCategory,
      A.world.trackingCode,
      A.t.admin.email,
    ];
    const rowsBefore = await tenantRows(A.t.id);

    const problems: string[] = [];
    /** Every foreign value B's users sent: B's audit log may name them in records of B's own denied requests. */
    const sentSoFar = new Set<string>();
    const ownRecordsAside = (op: Operation, res: LightMyRequestResponse): string => {
      // Only the list has records; /audit/verify answers counts.
      if (op.path !== '/api/v1/audit' || res.statusCode !== 200) return res.body;
      const body = bodyOf(res, auditListSchema);
      const items = body.items.filter(
        (i) => !(i.action === 'denied' && i.objectId && sentSoFar.has(i.objectId)),
      );
      return JSON.stringify({ ...body, items });
    };
    let calls = 0;
    const seen = new Set<string>();
    // Public pages: a resident names the municipality (B here); A's tracking code is public by design.
    const publicOps = ops.filter((o) => o.path.startsWith('/api/public/'));
    const staffOps = ops.filter(
      (o) =>
        !o.path.startsWith('/api/public/') &&
        o.path !== '/api/v1/alerts/stream' &&
        !(o.path === '/api/v1/session' && o.method === 'DELETE'),
    );
    const runs: { who: string; client: Client; ops: Operation[] }[] = [];
    for (const [i, u] of B.users.entries()) {
      runs.push({
        who: u.roles.join('+') + (i === 4 ? ' (schuldhulp)' : ''),
        client: await loggedIn(app, u),
        ops: staffOps,
      });
    }
    runs.push({ who: 'resident', client: new Client(app, someAddress()), ops: publicOps });

    // Public reports are limited per address (in the database): each request from an address of its own.
    const clientOfItsOwn = () => new Client(app, someAddress());
    for (const { who, client, ops: list } of runs) {
      for (const op of list) {
        const isSession = op.path === '/api/v1/session';
        const isPublic = op.path.startsWith('/api/public/');
        for (let [foreign, control] of requestsFor(op, B.world, A.world)) {
          // Logging in is not tenant data; it is tried with wrong credentials from an address of its own
          // (failures count per account and address in the database), and B's session stays.
          const login = isSession && op.method === 'POST';
          if (login) {
            const email = `niemand-${randomUUID().slice(0, 8)}@test.example`;
            foreign = { ...foreign, body: { email, password: 'onjuist-wachtwoord' } };
          }
          const res = await send(isPublic || login ? clientOfItsOwn() : client, foreign);
          calls++;
          const label = `${who}: ${foreign.method} ${foreign.url}${foreign.body ? ` ${JSON.stringify(foreign.body)}` : ''}`;
          seen.add(`${op.method} ${op.path}`);
          if (res.statusCode === 401 && !isSession && !isPublic) {
            problems.push(`${label} → 401: B's session was lost, the sweep would prove nothing`);
          }
          if (res.statusCode >= 500) problems.push(`${label} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          for (const v of foreign.sent) sentSoFar.add(v);
          const leaked = findForeign(ownRecordsAside(op, res), res.statusCode < 300 ? [] : foreign.sent);
          if (leaked.length) problems.push(`${label} → ${res.statusCode} shows A's ${leaked.join(', ')}`);
          if (!control) continue;
          const ctl = await send(isPublic ? clientOfItsOwn() : client, control);
          calls++;
          if (ctl.statusCode !== res.statusCode) {
            problems.push(
              `${label} → ${res.statusCode}, but ${ctl.statusCode} with a random value in its place (${control.url}): A's value is recognised`,
            );
          }
        }
      }
      // Logging out last: it ends the session the sweep ran on.
      if (client.cookie) {
        const res = await client.delete('/api/v1/session');
        if (res.statusCode !== 204) problems.push(`${who}: DELETE /api/v1/session → ${res.statusCode}`);
        seen.add('DELETE /api/v1/session');
      }
    }
    // Every operation was called (the live stream has a test of its own, below).
    const missing = ops
      .filter((o) => o.path !== '/api/v1/alerts/stream')
      .map((o) => `${o.method} ${o.path}`)
      .filter((k) => !seen.has(k));
    expect(missing).toEqual([]);
    // Name A's objects in the report: `…(case)`.
    const names = new Map<string, string>(Object.entries(A.world).map(([k, v]) => [v, k]));
    const named = problems.map((p) => p.replace(UUID, (m) => (names.has(m) ? `${m}(${names.get(m)})` : m)));
    expect(named).toEqual([]);
    expect(calls).toBeGreaterThan(500);

    // A is unchanged: its rows, and what its users read.
    expect(await tenantRows(A.t.id)).toEqual(rowsBefore);
    expect(await readsOf(A, ops)).toEqual(readsBefore);
  }, 300_000);

  it("A's live alerts never reach B's stream", async () => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const streamOf = async (u: TestUser) => AlertStream.open(base, (await loggedIn(app, u)).cookie);
    const mine = await streamOf(A.t.regisseur);
    const theirs = await Promise.all(B.users.map(streamOf));
    try {
      const pro = await loggedIn(app, A.t.professional);
      ok(
        await pro.post(`/api/v1/cases/${A.world.case}/entries`, {
          category: 'basis',
          text: `${A.marker} live`,
        }),
        'entry',
        entrySchema,
      );
      await mine.waitFor(1);
      await new Promise((r) => setTimeout(r, 300));
      for (const s of theirs) expect(s.alerts).toEqual([]);
    } finally {
      mine.close();
      for (const s of theirs) s.close();
    }
  });
});
