import {
  type Access,
  CASE_STATUSES,
  type CaseResult,
  type CaseStatus,
  type CaseType,
  type GroupClassification,
} from '@wijkregie/shared';
import type { Tx } from '../db/db.js';
import { execute, idRow, oneRow } from '../db/rows.js';
import { demoAreas } from './demo-areas.js';

/**
 * Demo dossiers of Voorbeeldstad: the demo matrix, fictional persons, households, youth groups,
 * locations and about forty cases of every type with journals, chosen so that each demo professional
 * sees a different slice. Deterministic (a seeded PRNG), so every demo is the same.
 * All names, addresses and stories are invented; postal codes use 9990–9999.
 */

export interface DemoContext {
  tenantId: string;
  partnerIds: Record<string, string>;
  /** Demo user ids by the local part of their email. */
  userIds: Record<string, string>;
  /** Area ids by CBS code. */
  areaIds: Map<string, string>;
}

// Partner key → category → access. Absent is none.
export const MATRIX: Record<string, Record<string, Exclude<Access, 'none'>>> = {
  gemeente: {
    basis: 'write',
    zorg: 'read',
    wonen: 'write',
    veiligheid: 'write',
    financien: 'read',
    jeugd: 'read',
    ondermijning: 'write',
  },
  politie: { basis: 'write', politie: 'write', veiligheid: 'write', justitie: 'read', ondermijning: 'write' },
  handhaving: { basis: 'read', veiligheid: 'write', wonen: 'read', ondermijning: 'read' },
  wijkteam: { basis: 'write', zorg: 'write', financien: 'write', wonen: 'write', jeugd: 'write' },
  ggz: { basis: 'read', zorg: 'write' },
  jeugd: { basis: 'read', jeugd: 'write', zorg: 'read' },
  schuldhulp: { basis: 'read', financien: 'write' },
  woningcorporatie: { basis: 'read', wonen: 'write' },
  jongerenwerk: { basis: 'read', jeugd: 'write', veiligheid: 'read' },
  reclassering: { basis: 'read', justitie: 'write', veiligheid: 'read' },
};

/** Who writes for each partner in the journal. */
export const AUTHOR_OF: Record<string, string> = {
  gemeente: 'regisseur',
  politie: 'wijkagent',
  handhaving: 'handhaving',
  wijkteam: 'wijkteam',
  ggz: 'ggz',
  jeugd: 'jeugdzorg',
  schuldhulp: 'schuldhulp',
  woningcorporatie: 'woningcorporatie',
  jongerenwerk: 'jongerenwerk',
  reclassering: 'reclassering',
};

const NOTES: Record<string, string[]> = {
  basis: [
    'Aangemeld via het afstemmingsoverleg. Betrokkene woont sinds enkele jaren op dit adres.',
    'Contactgegevens gecontroleerd; betrokkene is telefonisch goed bereikbaar in de middag.',
    'Aanmelding besproken met de casusregisseur; partners uitgenodigd voor het eerste overleg.',
  ],
  zorg: [
    'Huisbezoek afgelegd. Betrokkene geeft aan slecht te slapen en weinig buiten te komen.',
    'Huisarts is op de hoogte; afgesproken dat het wijkteam het contact onderhoudt.',
    'Betrokkene staat open voor begeleiding bij de dagstructuur; intake gepland.',
    'Zorgen over zelfverzorging; de woning maakt een rommelige indruk.',
  ],
  politie: [
    'Wijkagent meldt drie meldingen van geluidsoverlast in de afgelopen maand.',
    'Stopgesprek gevoerd met betrokkene in het bijzijn van een ouder.',
    'Geen nieuwe incidenten sinds het vorige overleg.',
  ],
  justitie: [
    'Toezicht loopt tot eind volgend jaar; de meldplicht wordt nagekomen.',
    'Bijzondere voorwaarde: contactverbod met twee groepsleden. Tot nu toe nageleefd.',
  ],
  financien: [
    'Betalingsachterstanden in kaart gebracht: huur en energie. Budgetbeheer aangeboden.',
    'Aanvraag schuldregeling ingediend; betrokkene levert de stukken op tijd aan.',
    'Vaste lasten zijn omgezet naar automatische betaling na ontvangst van de uitkering.',
  ],
  wonen: [
    'Tweede waarschuwingsbrief verstuurd over overlast naar de buren.',
    'Gesprek met de buren gevoerd; afspraken over rust na 22.00 uur vastgelegd.',
    'Woning geïnspecteerd: geen gebreken, wel achterstallig onderhoud van de tuin.',
  ],
  jeugd: [
    'Jongerenwerk heeft contact gelegd; interesse in het zaalvoetbal op woensdag.',
    'School meldt wisselende aanwezigheid; gesprek met de mentor ingepland.',
    'Ouders ervaren weinig grip op het uitgaansgedrag; opvoedondersteuning besproken.',
  ],
  veiligheid: [
    'Extra surveillance op vrijdag- en zaterdagavond afgesproken.',
    'Camerabeelden laten geen nieuwe samenscholing zien sinds de aanpak van de verlichting.',
    'Buurtbewoners voelen zich onveilig bij het plein na zonsondergang.',
  ],
  ondermijning: [
    'Signaal van opvallend hoog energieverbruik doorgegeven aan het RIEC.',
    'Bestuurlijke rapportage opgevraagd; het pand staat op naam van een recent opgerichte bv.',
    'Controle gepland samen met handhaving en de netbeheerder.',
  ],
};

/** A comma-separated list of names, kept on a few lines instead of one name a line. */
const list = (names: string) => names.split(', ');

const FIRST_NAMES = list(
  'Sanne, Mohamed, Emma, Yusuf, Anouk, Kevin, Fatma, Daan, Noor, Ricardo, Agnieszka, Lars, Samira, Bas, Priya, Joyce, Hamza, Mila, Tomasz, Ingrid, Rachid, Lisa, Dewi, Kees',
);
const LAST_NAMES = list(
  'de Wit, El Idrissi, Bos, Yildiz, Vermeulen, Martina, Kowalski, Hendriks, Benali, Dekker, Ramdin, van Leeuwen, Öztürk, Peters, Brouwer, Amrani, Nowak, de Graaf, Sital, Mulder',
);
const STREETS = list(
  'Molenstraat, Kerkplein, Vogelzang, Parkzichtlaan, Akkerweg, Stationsweg, Schoolstraat, Vaartkade, Westerveldlaan, Oosterhofstraat, Bloemenhof, Zuiderparkweg',
);

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    some: <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => next() - 0.5).slice(0, n),
  };
}

interface Ctx extends DemoContext {
  tx: Tx;
  rnd: ReturnType<typeof prng>;
  now: number;
}

const DAY = 24 * 60 * 60 * 1000;

async function insertId(tx: Tx, sql: string, params: unknown[]): Promise<string> {
  return (await oneRow(tx, idRow, sql, params)).id;
}

function address(c: Ctx, buurtIndex: number) {
  const street = STREETS[buurtIndex % STREETS.length]!;
  const pc = `${9990 + (buurtIndex % 10)}${String.fromCharCode(65 + c.rnd.int(0, 25))}${String.fromCharCode(65 + c.rnd.int(0, 25))}`;
  return { street, houseNumber: String(c.rnd.int(1, 180)), postalCode: pc, city: 'Voorbeeldstad' };
}

async function person(
  c: Ctx,
  p: { first: string; last: string; born: string; addr: ReturnType<typeof address> },
): Promise<string> {
  return insertId(
    c.tx,
    `INSERT INTO persons (tenant_id, first_name, last_name, birth_date, street, house_number, postal_code, city,
                          created_by_user_id, created_by_partner_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      c.tenantId,
      p.first,
      p.last,
      p.born,
      p.addr.street,
      p.addr.houseNumber,
      p.addr.postalCode,
      p.addr.city,
      c.userIds.regisseur,
      c.partnerIds.gemeente,
      new Date(c.now - 300 * DAY),
    ],
  );
}

async function relation(
  c: Ctx,
  fromKind: string,
  fromId: string,
  type: string,
  toKind: string,
  toId: string,
) {
  await execute(
    c.tx,
    `INSERT INTO subject_relations (tenant_id, from_kind, from_id, relation, to_kind, to_id, created_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [c.tenantId, fromKind, fromId, type, toKind, toId, c.userIds.regisseur],
  );
}

const born = (c: Ctx, minAge: number, maxAge: number) => {
  const year = new Date(c.now).getUTCFullYear() - c.rnd.int(minAge, maxAge);
  return `${year}-${String(c.rnd.int(1, 12)).padStart(2, '0')}-${String(c.rnd.int(1, 28)).padStart(2, '0')}`;
};

interface CaseSpec {
  type: CaseType;
  title: string;
  subject: { kind: 'person' | 'household' | 'group' | 'location'; id: string };
  partners: string[];
  director: string;
  status: CaseStatus;
  result?: CaseResult;
  buurt: string;
  notes: number;
}

async function insertCase(c: Ctx, spec: CaseSpec, counters: Map<number, number>): Promise<string> {
  const createdAt = c.now - c.rnd.int(20, 270) * DAY;
  const year = new Date(createdAt).getUTCFullYear();
  const n = (counters.get(year) ?? 0) + 1;
  counters.set(year, n);
  const id = await insertId(
    c.tx,
    `INSERT INTO cases (tenant_id, reference, type, title, status, result, director_user_id, area_id,
                        created_by_user_id, created_at, updated_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, CASE WHEN $5 = 'closed' THEN $10::timestamptz END)
     RETURNING id`,
    [
      c.tenantId,
      `${year}-${String(n).padStart(4, '0')}`,
      spec.type,
      spec.title,
      spec.status,
      spec.result?.outcome ?? null,
      c.userIds[spec.director],
      c.areaIds.get(spec.buurt) ?? null,
      c.userIds.regisseur,
      new Date(createdAt),
    ],
  );
  const partners = ['gemeente', ...spec.partners.filter((p) => p !== 'gemeente')];
  await execute(
    c.tx,
    `INSERT INTO case_partners (tenant_id, case_id, partner_id, added_at)
     SELECT $1, $2, unnest($3::uuid[]), $4`,
    [c.tenantId, id, partners.map((p) => c.partnerIds[p]), new Date(createdAt)],
  );
  await execute(
    c.tx,
    'INSERT INTO case_subjects (tenant_id, case_id, kind, subject_id, position) VALUES ($1, $2, $3, $4, 0)',
    [c.tenantId, id, spec.subject.kind, spec.subject.id],
  );

  // The lifecycle walked step by step up to the current status (closing from where it stood).
  const open = CASE_STATUSES.filter((s) => s !== 'closed');
  const target = spec.status === 'closed' ? open[c.rnd.int(2, open.length - 1)]! : spec.status;
  const path: CaseStatus[] = open.slice(0, open.indexOf(target) + 1);
  if (spec.status === 'closed') path.push('closed');
  let at = createdAt;
  for (let i = 0; i < path.length; i++) {
    at += c.rnd.int(1, 12) * DAY;
    await execute(
      c.tx,
      `INSERT INTO case_status_history (tenant_id, case_id, from_status, to_status, result, user_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        c.tenantId,
        id,
        i === 0 ? null : path[i - 1],
        path[i],
        path[i] === 'closed' ? (spec.result?.outcome ?? null) : null,
        c.userIds[spec.director],
        new Date(i === 0 ? createdAt : Math.min(at, c.now)),
      ],
    );
  }

  // The journal: each note by a partner of the case, in a category that partner may write.
  const writers = partners.flatMap((p) =>
    Object.entries(MATRIX[p] ?? {})
      .filter(([, a]) => a === 'write')
      .map(([category]) => ({ partner: p, category })),
  );
  let noteAt = createdAt;
  const entries: unknown[] = [];
  for (let i = 0; i < spec.notes; i++) {
    const w = i === 0 ? { partner: 'gemeente', category: 'basis' } : c.rnd.pick(writers);
    noteAt = Math.min(noteAt + c.rnd.int(2, 20) * DAY + c.rnd.int(0, 8) * 3600_000, c.now - 3600_000);
    entries.push({
      case_id: id,
      category: w.category,
      text: c.rnd.pick(NOTES[w.category]!),
      author: c.userIds[AUTHOR_OF[w.partner]!],
      partner: c.partnerIds[w.partner],
      at: new Date(noteAt).toISOString(),
    });
  }
  await execute(
    c.tx,
    `INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, created_at)
     SELECT $1, e.case_id, e.category, e.text, e.author, e.partner, e.at
       FROM jsonb_to_recordset($2::jsonb) AS e (case_id uuid, category text, text text, author uuid, partner uuid, at timestamptz)`,
    [c.tenantId, JSON.stringify(entries)],
  );
  await execute(c.tx, 'UPDATE cases SET updated_at = $3 WHERE tenant_id = $1 AND id = $2', [
    c.tenantId,
    id,
    new Date(Math.min(Math.max(noteAt, at), c.now)),
  ]);
  return id;
}

export async function seedDemoCases(tx: Tx, demo: DemoContext): Promise<void> {
  const c: Ctx = { ...demo, tx, rnd: prng(2026), now: Date.now() };

  // 1. The matrix.
  const cells = Object.entries(MATRIX).flatMap(([partner, row]) =>
    Object.entries(row).map(([category, access]) => ({ partner: c.partnerIds[partner], category, access })),
  );
  await execute(
    tx,
    `INSERT INTO access_matrix (tenant_id, partner_id, category, access, updated_by)
     SELECT $1, x.partner, x.category, x.access, $2
       FROM jsonb_to_recordset($3::jsonb) AS x (partner uuid, category text, access text)`,
    [c.tenantId, c.userIds.regisseur, JSON.stringify(cells)],
  );

  // 2. Places: one location in the middle of several buurten.
  const buurten = demoAreas().filter((a) => a.kind === 'buurt');
  const centre = (code: string) => {
    const ring = buurten.find((b) => b.code === code)!.geometry.coordinates[0]!.slice(0, -1);
    return {
      lng: ring.reduce((s, p) => s + p[0], 0) / ring.length,
      lat: ring.reduce((s, p) => s + p[1], 0) / ring.length,
    };
  };
  const LOCATIONS: [string, string][] = [
    ['Leegstaand winkelpand Molenstraat 12', 'BU99990101'],
    ['Stationsplein', 'BU99990102'],
    ['Speeltuin Parkzicht', 'BU99990301'],
    ['Bedrijfsunit De Vaart 7 (vermoeden hennepteelt)', 'BU99990204'],
    ['Winkelcentrum De Vaart', 'BU99990204'],
    ['Skatebaan Zuiderpark', 'BU99990401'],
    ['Portiekflat Akkerweg 40-86', 'BU99990402'],
    ['Kapsalon Oosterhof (vermoeden witwassen)', 'BU99990302'],
    ['Grasveld achter de Schoolstraat', 'BU99990403'],
    ['Bushokje Westerveldlaan', 'BU99990501'],
  ];
  const locations: { id: string; buurt: string }[] = [];
  for (const [name, buurt] of LOCATIONS) {
    const { lat, lng } = centre(buurt);
    const id = await insertId(
      tx,
      `INSERT INTO locations (tenant_id, name, lat, lng, area_id, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [c.tenantId, name, lat, lng, c.areaIds.get(buurt), c.userIds.regisseur, c.partnerIds.gemeente],
    );
    locations.push({ id, buurt });
  }

  // 3. Households: parents and children sharing a surname and an address.
  const households: { id: string; members: string[]; children: string[]; buurt: string; name: string }[] = [];
  for (let h = 0; h < 12; h++) {
    const last = LAST_NAMES[h]!;
    const buurt = buurten[h % buurten.length]!.code;
    const addr = address(c, h);
    const members: string[] = [];
    const children: string[] = [];
    const adults = c.rnd.int(1, 2);
    for (let i = 0; i < adults; i++) {
      members.push(
        await person(c, {
          first: FIRST_NAMES[(h * 3 + i) % FIRST_NAMES.length]!,
          last,
          born: born(c, 32, 58),
          addr,
        }),
      );
    }
    for (let i = 0; i < c.rnd.int(1, 3); i++) {
      const child = await person(c, {
        first: FIRST_NAMES[(h * 5 + i + 7) % FIRST_NAMES.length]!,
        last,
        born: born(c, 12, 21),
        addr,
      });
      members.push(child);
      children.push(child);
    }
    const name = `Gezin ${last}`;
    const id = await insertId(
      tx,
      `INSERT INTO households (tenant_id, name, contact_person_id, street, house_number, postal_code, city,
                               created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        c.tenantId,
        name,
        members[0],
        addr.street,
        addr.houseNumber,
        addr.postalCode,
        addr.city,
        c.userIds.regisseur,
        c.partnerIds.gemeente,
      ],
    );
    for (const m of members) await relation(c, 'person', m, 'member_of', 'household', id);
    for (const child of children) await relation(c, 'person', members[0]!, 'parent_of', 'person', child);
    households.push({ id, members, children, buurt, name });
  }

  // Single persons (elderly, people living alone).
  const singles: { id: string; buurt: string; name: string }[] = [];
  for (let i = 0; i < 14; i++) {
    const first = FIRST_NAMES[(i * 7 + 3) % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 3 + 12) % LAST_NAMES.length]!;
    const buurt = buurten[(i * 5) % buurten.length]!.code;
    singles.push({
      id: await person(c, { first, last, born: born(c, 24, 84), addr: address(c, i + 3) }),
      buurt,
      name: `${first} ${last}`,
    });
  }

  // 4. Youth groups with members among the children and meeting places.
  const GROUPS: [string, GroupClassification, number][] = [
    ['Jeugdgroep Stationsplein', 'crimineel', 1],
    ['Jongeren Speeltuin Parkzicht', 'hinderlijk', 2],
    ['Groep Skatebaan Zuiderpark', 'overlastgevend', 5],
  ];
  const youth = households.flatMap((h) => h.children);
  const groups: { id: string; members: string[]; place: (typeof locations)[number]; name: string }[] = [];
  for (const [g, [name, classification, place]] of GROUPS.entries()) {
    const id = await insertId(
      tx,
      `INSERT INTO groups (tenant_id, name, classification, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [c.tenantId, name, classification, c.userIds.wijkagent, c.partnerIds.politie],
    );
    // Seed 002: the son of household 1 (El Idrissi) is in the Stationsplein group.
    const members = [
      ...new Set([...(g === 0 ? [households[1]!.children[0]!] : []), ...c.rnd.some(youth, 4)]),
    ];
    for (const m of members) await relation(c, 'person', m, 'member_of', 'group', id);
    await relation(c, 'group', id, 'meets_at', 'location', locations[place]!.id);
    groups.push({ id, members, place: locations[place]!, name });
  }

  // 5. Cases.
  const counters = new Map<number, number>();
  const statusOf = (i: number): { status: CaseStatus; result?: CaseResult } => {
    const all: { status: CaseStatus; result?: CaseResult }[] = [
      { status: 'registered' },
      { status: 'triage' },
      { status: 'analysis' },
      { status: 'plan' },
      { status: 'execution' },
      { status: 'execution' },
      { status: 'evaluation' },
      { status: 'closed', result: { outcome: 'goals_achieved', text: null } },
      { status: 'closed', result: { outcome: 'partly_achieved', text: null } },
    ];
    return all[i % all.length]!;
  };

  // Seed 002: a household in debt whose son drifts into a youth group dealing from an empty shop.
  const elIdrissi = households[1]!;
  const son = elIdrissi.children[0]!;
  const shop = locations[0]!;
  const seed002: CaseSpec[] = [
    {
      type: 'household',
      title: `Gezinsplan ${elIdrissi.name}: schulden en zorgen om de zoon`,
      subject: { kind: 'household', id: elIdrissi.id },
      partners: ['wijkteam', 'schuldhulp', 'jeugd', 'woningcorporatie'],
      director: 'wijkteam',
      status: 'execution',
      buurt: elIdrissi.buurt,
      notes: 7,
    },
    {
      type: 'person',
      title: 'Persoonsgerichte aanpak zoon: afglijden naar criminaliteit',
      subject: { kind: 'person', id: son },
      partners: ['politie', 'jongerenwerk', 'jeugd', 'reclassering'],
      director: 'regisseur',
      status: 'plan',
      buurt: elIdrissi.buurt,
      notes: 6,
    },
    {
      type: 'person',
      title: 'Schuldhulp voor moeder: huur- en energieachterstand',
      subject: { kind: 'person', id: elIdrissi.members[0]! },
      partners: ['schuldhulp', 'wijkteam'],
      director: 'wijkteam',
      status: 'execution',
      buurt: elIdrissi.buurt,
      notes: 5,
    },
    {
      type: 'group',
      title: 'Groepsaanpak Jeugdgroep Stationsplein',
      subject: { kind: 'group', id: groups[0]!.id },
      partners: ['politie', 'jongerenwerk', 'handhaving', 'jeugd'],
      director: 'wijkagent',
      status: 'execution',
      buurt: groups[0]!.place.buurt,
      notes: 8,
    },
    {
      type: 'undermining',
      title: 'Handel vanuit leegstaand winkelpand Molenstraat',
      subject: { kind: 'location', id: shop.id },
      partners: ['politie', 'handhaving'],
      director: 'regisseur',
      status: 'analysis',
      buurt: shop.buurt,
      notes: 5,
    },
  ];
  for (const spec of seed002) await insertCase(c, spec, counters);

  const PERSON_TITLES = [
    'Zorgen om alleenstaande oudere',
    'Verward gedrag in de buurt',
    'Terugkeer na detentie',
    'Vereenzaming en vervuilde woning',
    'Dreigende huisuitzetting',
    'Meervoudige problematiek na scheiding',
    'Overlast en middelengebruik',
  ];
  const HOUSEHOLD_TITLES = [
    'Gezinsplan: betalingsachterstanden',
    'Gezin met opvoedvragen en schulden',
    'Woonoverlast en zorgen om de kinderen',
    'Gezinsplan na melding school',
  ];
  const AREA_TITLES = [
    'Overlast hangjongeren',
    'Verloedering en zwerfafval',
    'Onveilig gevoel na zonsondergang',
    'Parkeeroverlast en intimidatie',
  ];
  const UNDERMINING_TITLES = [
    'Vermoeden hennepteelt',
    'Vermoeden witwassen via contante omzet',
    'Vermoeden illegale kamerverhuur',
  ];

  let i = 0;
  for (const s of singles.slice(0, 12)) {
    const partners = c.rnd.some(
      ['wijkteam', 'ggz', 'politie', 'reclassering', 'schuldhulp', 'woningcorporatie'],
      c.rnd.int(1, 3),
    );
    await insertCase(
      c,
      {
        type: 'person',
        title: `${PERSON_TITLES[i % PERSON_TITLES.length]}`,
        subject: { kind: 'person', id: s.id },
        partners,
        director: c.rnd.pick(['regisseur', 'wijkteam', 'ggz']),
        ...statusOf(i),
        buurt: s.buurt,
        notes: c.rnd.int(2, 8),
      },
      counters,
    );
    i++;
  }
  for (const h of households.filter((x) => x !== elIdrissi).slice(0, 9)) {
    const partners = c.rnd.some(
      ['wijkteam', 'schuldhulp', 'jeugd', 'woningcorporatie', 'ggz'],
      c.rnd.int(1, 3),
    );
    await insertCase(
      c,
      {
        type: 'household',
        title: `${HOUSEHOLD_TITLES[i % HOUSEHOLD_TITLES.length]} (${h.name})`,
        subject: { kind: 'household', id: h.id },
        partners,
        director: c.rnd.pick(['regisseur', 'wijkteam']),
        ...statusOf(i),
        buurt: h.buurt,
        notes: c.rnd.int(2, 8),
      },
      counters,
    );
    // The family plan: some children have a person approach of their own.
    if (i % 3 === 0 && h.children[0]) {
      await insertCase(
        c,
        {
          type: 'person',
          title: 'Persoonsgerichte aanpak jongere',
          subject: { kind: 'person', id: h.children[0] },
          partners: ['jeugd', 'politie'],
          director: 'regisseur',
          ...statusOf(i + 1),
          buurt: h.buurt,
          notes: c.rnd.int(2, 6),
        },
        counters,
      );
    }
    i++;
  }
  for (const g of groups.slice(1)) {
    await insertCase(
      c,
      {
        type: 'group',
        title: `Groepsaanpak ${g.name}`,
        subject: { kind: 'group', id: g.id },
        partners: ['politie', 'jongerenwerk', 'handhaving'],
        director: c.rnd.pick(['wijkagent', 'regisseur']),
        ...statusOf(i),
        buurt: g.place.buurt,
        notes: c.rnd.int(3, 8),
      },
      counters,
    );
    i++;
  }
  for (const [k, loc] of locations.slice(1).entries()) {
    const undermining = /vermoeden/.test(LOCATIONS[k + 1]![0]);
    const title = undermining
      ? UNDERMINING_TITLES[k % UNDERMINING_TITLES.length]!
      : AREA_TITLES[k % AREA_TITLES.length]!;
    await insertCase(
      c,
      {
        type: undermining ? 'undermining' : 'area',
        title: `${title}: ${LOCATIONS[k + 1]![0].replace(/ \(.*\)$/, '')}`,
        subject: { kind: 'location', id: loc.id },
        partners: undermining
          ? ['politie', 'handhaving']
          : c.rnd.some(['handhaving', 'politie', 'woningcorporatie', 'jongerenwerk'], 2),
        director: c.rnd.pick(['regisseur', 'handhaving', 'wijkagent']),
        ...statusOf(i),
        buurt: loc.buurt,
        notes: c.rnd.int(2, 7),
      },
      counters,
    );
    i++;
  }

  for (const [year, last] of counters) {
    await execute(tx, 'INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, $3)', [
      c.tenantId,
      year,
      last,
    ]);
  }
}
