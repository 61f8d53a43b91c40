import { CREDITOR_TYPE_LABELS, CREDITOR_TYPES, type CreditorType } from '@wijkregie/shared';
import { z } from 'zod';
import type { Tx } from '../db/db.js';
import { col, execute, idRow, oneRow, rows } from '../db/rows.js';
import { TenantScope } from '../db/scope.js';
import { addDays, amsterdamDate } from '../lib/time.js';
import { addWorkingDays } from '../lib/workdays.js';
import { matchSignals } from '../modules/early-warning/match-signals.js';
import { newTrackingCode } from '../modules/public-reports/tracking-code.js';
import { addressKey } from '../modules/signals/repository.js';
import { demoAreas } from './demo-areas.js';
import type { DemoContext } from './demo-cases.js';

/** Routing rules a municipality would start with: category → the partner that follows it up. */
const ROUTES: [string, string][] = [
  ['achterstand_energie', 'schuldhulp'],
  ['achterstand_water', 'schuldhulp'],
  ['achterstand_huur', 'schuldhulp'],
  ['achterstand_zorgverzekering', 'schuldhulp'],
  ['overlast_jeugd', 'jongerenwerk'],
  ['woonoverlast', 'woningcorporatie'],
  ['verward_gedrag', 'ggz'],
  ['verwaarlozing', 'wijkteam'],
  ['zorgen_persoon', 'wijkteam'],
  ['ondermijning_hennep', 'politie'],
  ['ondermijning_leegstand', 'handhaving'],
  ['ondermijning_witwassen', 'politie'],
];

/** The partner of each demo professional who reports a signal of their own. */
const PARTNER_OF_USER: Record<string, string> = {
  wijkagent: 'politie',
  wijkteam: 'wijkteam',
  handhaving: 'handhaving',
  jongerenwerk: 'jongerenwerk',
  woningcorporatie: 'woningcorporatie',
  ggz: 'ggz',
};

/** The i-th element of fixed demo data (a missing one is a mistake in this file). */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`demo data: no element ${i}`);
  return x;
}

const CREDITORS: Record<CreditorType, string[]> = {
  energie: ['Stroomlijn Energie', 'Polder Energie'],
  water: ['Waterbedrijf Voorbeeldland'],
  huur: ['Woonstichting Voorbeeldstad'],
  zorgverzekering: ['Zorgverzekeraar Midden'],
};

const RESIDENT_REPORTS: [string, string][] = [
  [
    'overlast_jeugd',
    'Elke avond een groep jongeren met scooters bij de speeltuin, veel lawaai tot na middernacht.',
  ],
  ['overlast_jeugd', 'Jongeren gooien met stenen naar de bushalte, de ruit is al twee keer kapot.'],
  ['woonoverlast', 'De buren boven ons draaien elke nacht harde muziek, ook doordeweeks.'],
  ['verwaarlozing', 'De tuin op de hoek ligt vol vuilniszakken, er lopen ratten rond.'],
  ['zorgen_persoon', 'Mijn oudere buurman heb ik al een week niet gezien en zijn brievenbus puilt uit.'],
  ['verward_gedrag', 'Een man loopt al dagen schreeuwend door de straat en spreekt voorbijgangers aan.'],
  ['ondermijning_hennep', 'Uit het pand op nummer 7 komt een sterke wietlucht en de ramen zijn afgeplakt.'],
  ['ondermijning_leegstand', "Het winkelpand staat al maanden leeg maar er gaan 's nachts mensen in en uit."],
  ['woonoverlast', 'Steeds weer stankoverlast uit de woning naast ons, het ruikt naar vuil.'],
  ['overig', 'Losliggende stoeptegels bij de school, al twee keer iemand gevallen.'],
  ['overlast_jeugd', 'Jongeren hangen rond in de portiek en laten lachgascilinders achter.'],
  [
    'zorgen_persoon',
    'De moeder van het gezin naast ons lijkt het niet meer aan te kunnen, de kinderen zijn vaak alleen.',
  ],
];

const PROFESSIONAL: [string, string, string][] = [
  [
    'wijkagent',
    'ondermijning_witwassen',
    'Kapsalon met veel contante betalingen en weinig klanten; past in het beeld van de winkelstraat.',
  ],
  [
    'wijkteam',
    'zorgen_persoon',
    'Bij huisbezoek aan de buren een vrouw gezien die verward overkwam; geen hulpverlening bekend.',
  ],
  [
    'handhaving',
    'verwaarlozing',
    'Tuin en voorgevel ernstig verwaarloosd; bewoner reageert niet op aanschrijving.',
  ],
  [
    'jongerenwerk',
    'overlast_jeugd',
    'Nieuwe aanwas bij de skatebaan, jongens van 13-14 die meelopen met de oudere groep.',
  ],
  [
    'woningcorporatie',
    'woonoverlast',
    'Drie klachten in een maand over hetzelfde portiek: lawaai en bezoek tot laat.',
  ],
  [
    'ggz',
    'verward_gedrag',
    'Cliënt uit beeld geraakt, mogelijk weer op het oude adres; graag aandacht van de wijk.',
  ],
];

/**
 * A month of early-warning work for Voorbeeldstad: creditor signals (a good part about households
 * the partners already know, so matching and bundling show), resident reports with tracking codes,
 * partners' own signals, routing rules, and the outreach worker's visits — planned for today in
 * several buurten, and earlier attempts with their outcomes. Matching runs as it would on import.
 */
export async function seedDemoSignals(tx: Tx, demo: DemoContext): Promise<void> {
  const { tenantId, partnerIds, userIds } = demo;
  const s = new TenantScope(tx, tenantId);
  const today = amsterdamDate();
  // A demo report is never dated later than now: seeded in the morning, "today 19:30" would lie ahead.
  const seededAt = Date.now();
  const notLater = (at: Date) => new Date(Math.min(at.getTime(), seededAt - 60_000));
  let seed = 2026_11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]) => nth(xs, Math.floor(rnd() * xs.length));

  for (const [category, partner] of ROUTES) {
    await execute(tx, 'INSERT INTO signal_routes (tenant_id, category, partner_id) VALUES ($1, $2, $3)', [
      tenantId,
      category,
      partnerIds[partner],
    ]);
  }

  const buurten = demoAreas().filter((a) => a.kind === 'buurt');
  const areaIds = demo.areaIds;
  const pointIn = (i: number) => {
    const b = nth(buurten, i % buurten.length);
    const ring = nth(b.geometry.coordinates, 0).slice(0, -1);
    const lng = ring.reduce((acc, p) => acc + p[0], 0) / ring.length;
    const lat = ring.reduce((acc, p) => acc + p[1], 0) / ring.length;
    // A little spread inside the buurt, so a route has something to order.
    return {
      lat: lat + (rnd() - 0.5) * 0.002,
      lng: lng + (rnd() - 0.5) * 0.003,
      areaId: areaIds.get(b.code) ?? null,
    };
  };

  // Known people: the first adult of each demo household, at the household's address.
  const known = await rows(
    tx,
    z.object({
      last_name: col.text,
      first_name: col.text,
      birth_date: col.date.nullable(),
      street: col.text,
      house_number: col.text,
      postal_code: col.text,
      city: col.text,
    }),
    `SELECT DISTINCT ON (h.id) p.last_name, p.first_name, p.birth_date, h.street, h.house_number, h.postal_code, h.city
       FROM households h
       JOIN subject_relations r ON r.tenant_id = h.tenant_id AND r.to_kind = 'household' AND r.to_id = h.id
                               AND r.relation = 'member_of' AND r.from_kind = 'person'
       JOIN persons p ON p.tenant_id = h.tenant_id AND p.id = r.from_id
      WHERE h.tenant_id = $1 AND h.postal_code IS NOT NULL
      ORDER BY h.id, p.birth_date`,
    [tenantId],
  );
  const FICTIONAL = [
    'Jansen',
    'Kramer',
    'Smits',
    'Hoekstra',
    'Bakker',
    'Koster',
    'Verbeek',
    'Prins',
    'Postma',
    'Kuipers',
  ];
  const ids: string[] = [];
  const insert = async (v: Record<string, unknown>) => {
    const inserted = await oneRow(
      tx,
      idRow,
      `INSERT INTO signals (tenant_id, category, description, source, status, occurred_at, street, house_number,
         postal_code, city, lat, lng, area_id, address_key, reporter_user_id, reporter_partner_id, routed_partner_id,
         routing_reason, first_contact_due, creditor_type, creditor_name, creditor_reference, signal_date, last_name,
         initials, birth_date, arrears_amount, arrears_since, end_of_supply, tracking_code, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
               $23, $24, $25, $26, $27, $28, $29, $30, $31, $31) RETURNING id`,
      [
        tenantId,
        v.category,
        v.description,
        v.source,
        v.status ?? 'new',
        v.at,
        v.street ?? null,
        v.houseNumber ?? null,
        v.postalCode ?? null,
        v.city ?? null,
        v.lat ?? null,
        v.lng ?? null,
        v.areaId ?? null,
        addressKey(v.postalCode as string | null, v.houseNumber as string | null),
        v.reporterUserId ?? null,
        v.reporterPartnerId ?? null,
        v.routedPartnerId ?? null,
        v.routingReason ?? null,
        v.due ?? null,
        v.creditorType ?? null,
        v.creditorName ?? null,
        v.creditorReference ?? null,
        v.signalDate ?? null,
        v.lastName ?? null,
        v.initials ?? null,
        v.birthDate ?? null,
        v.amount ?? null,
        v.since ?? null,
        v.endOfSupply ?? false,
        v.trackingCode ?? null,
        v.at,
      ],
    );
    ids.push(inserted.id);
    return inserted.id;
  };
  // The reason in the words the intake uses (category label, partner name), never their keys.
  const categoryLabels = new Map(
    (
      await rows(
        tx,
        z.object({ key: col.text, label: col.text }),
        'SELECT key, label FROM signal_categories WHERE tenant_id = $1',
        [tenantId],
      )
    ).map((c) => [c.key, c.label]),
  );
  const partnerNames = new Map(
    (
      await rows(
        tx,
        z.object({ id: col.uuid, name: col.text }),
        'SELECT id, name FROM partners WHERE tenant_id = $1',
        [tenantId],
      )
    ).map((p) => [p.id, p.name]),
  );
  const routed = (category: string) => {
    const partner = ROUTES.find(([c]) => c === category)?.[1];
    const partnerId = partner ? partnerIds[partner] : undefined;
    const label = categoryLabels.get(category) ?? category;
    return {
      routedPartnerId: partnerId ?? null,
      routingReason: partnerId
        ? `Routeringsregel: ${label} (hele gemeente) → ${partnerNames.get(partnerId) ?? 'een partner'}`
        : 'Geen routeringsregel voor deze categorie en plek: de regisseur beoordeelt het signaal.',
    };
  };

  // 1. Creditor signals over the last 30 days.
  const creditorIds: { id: string; endOfSupply: boolean; point: ReturnType<typeof pointIn> }[] = [];
  for (let i = 0; i < 48; i++) {
    const daysAgo = Math.floor(rnd() * 30);
    const signalDate = addDays(today, -daysAgo);
    const type = pick(CREDITOR_TYPES);
    const about = i % 5 < 3 && known.length ? nth(known, i % known.length) : undefined;
    const point = pointIn(i);
    const lastName = about?.last_name ?? pick(FICTIONAL);
    const endOfSupply = (type === 'energie' || type === 'water') && i % 7 === 0;
    const amount = Math.round((80 + rnd() * 1400) * 100) / 100;
    const since = addDays(signalDate, -30 - Math.floor(rnd() * 90));
    const category = `achterstand_${type}`;
    const id = await insert({
      category,
      description: `Betalingsachterstand ${CREDITOR_TYPE_LABELS[type].toLowerCase()} bij ${CREDITORS[type][i % CREDITORS[type].length]} van € ${amount.toFixed(2).replace('.', ',')}${endOfSupply ? ', dreigende afsluiting' : ''}`,
      source: 'creditor',
      at: notLater(new Date(`${signalDate}T08:00:00Z`)),
      street: about?.street ?? pick(['Vogelzang', 'Akkerweg', 'Molenstraat', 'Bloemenhof']),
      houseNumber: about?.house_number ?? String(1 + Math.floor(rnd() * 120)),
      postalCode: about?.postal_code ?? `999${i % 10}${'ABCDEFGH'[i % 8]}${'KLMNPRST'[(i * 3) % 8]}`,
      city: 'Voorbeeldstad',
      ...point,
      reporterUserId: userIds.schuldhulp,
      reporterPartnerId: partnerIds.schuldhulp,
      ...routed(category),
      due: endOfSupply ? addWorkingDays(signalDate, 3) : addDays(signalDate, 28),
      creditorType: type,
      creditorName: CREDITORS[type][i % CREDITORS[type].length],
      creditorReference: `DEMO-${type.toUpperCase()}-${String(1000 + i)}`,
      signalDate,
      lastName,
      initials: `${(about?.first_name ?? pick(['A', 'M', 'S', 'J', 'R']))[0]}.`,
      birthDate: about?.birth_date ?? null,
      amount,
      since,
      endOfSupply,
    });
    creditorIds.push({ id, endOfSupply, point });
  }

  // 2. Resident reports, each with a tracking code and the receipt as a public update.
  for (const [i, [category, description]] of RESIDENT_REPORTS.entries()) {
    const at = notLater(new Date(`${addDays(today, -Math.floor(rnd() * 28))}T19:30:00Z`));
    const point = pointIn(i + 3);
    const id = await insert({
      category,
      description,
      source: 'resident',
      status: i % 4 === 0 ? 'triage' : 'new',
      at,
      ...point,
      ...routed(category),
      due: addWorkingDays(at.toISOString().slice(0, 10), 10),
      trackingCode: newTrackingCode(),
    });
    await execute(
      tx,
      `INSERT INTO signal_history (tenant_id, signal_id, change, public_text, at) VALUES ($1, $2, $3::jsonb, $4, $5)`,
      [tenantId, id, JSON.stringify({ created: { source: 'resident' } }), 'Uw melding is ontvangen.', at],
    );
    if (i % 4 === 0) {
      await execute(
        tx,
        `INSERT INTO signal_history (tenant_id, signal_id, user_id, change, public_text, at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
        [
          tenantId,
          id,
          userIds.regisseur,
          JSON.stringify({ status: { from: 'new', to: 'triage' } }),
          'Uw melding is in behandeling genomen.',
          notLater(new Date(at.getTime() + 86_400_000)),
        ],
      );
    }
  }

  // 3. Partners' own signals.
  for (const [i, [user, category, description]] of PROFESSIONAL.entries()) {
    const at = notLater(new Date(`${addDays(today, -Math.floor(rnd() * 20))}T10:00:00Z`));
    const partner = PARTNER_OF_USER[user];
    await insert({
      category,
      description,
      source: 'professional',
      at,
      ...pointIn(i + 5),
      reporterUserId: userIds[user],
      reporterPartnerId: partner ? partnerIds[partner] : null,
      ...routed(category),
      due: addWorkingDays(at.toISOString().slice(0, 10), 10),
    });
  }

  // 4. The outreach worker (schuldhulp): earlier attempts with outcomes, and today's round.
  const outcomes = ['not_home', 'contact', 'help_accepted', 'referred', 'declined'] as const;
  for (const [i, c] of creditorIds.slice(0, 10).entries()) {
    const outcome = nth(outcomes, i % outcomes.length);
    await execute(
      tx,
      `INSERT INTO visits (tenant_id, signal_id, planned_date, visitor_user_id, partner_id, outcome, referred_partner_id,
                           next_step, recorded_at, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $4, $9)`,
      [
        tenantId,
        c.id,
        addDays(today, -3 - i),
        userIds.schuldhulp,
        partnerIds.schuldhulp,
        outcome,
        outcome === 'referred' ? partnerIds.wijkteam : null,
        outcome === 'not_home' ? 'Kaartje in de bus; opnieuw langs' : null,
        notLater(new Date(`${addDays(today, -3 - i)}T11:00:00Z`)),
      ],
    );
    const status = {
      not_home: 'visit_planned',
      contact: 'contacted',
      help_accepted: 'contacted',
      referred: 'referred',
      declined: 'closed',
    }[outcome];
    await execute(tx, 'UPDATE signals SET status = $3 WHERE tenant_id = $1 AND id = $2', [
      tenantId,
      c.id,
      status,
    ]);
  }
  for (const c of [...creditorIds.slice(10, 16), nth(creditorIds, 0)]) {
    await execute(
      tx,
      `INSERT INTO visits (tenant_id, signal_id, planned_date, visitor_user_id, partner_id, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $4)`,
      [tenantId, c.id, today, userIds.schuldhulp, partnerIds.schuldhulp],
    );
    await execute(
      tx,
      `UPDATE signals SET status = 'visit_planned' WHERE tenant_id = $1 AND id = $2 AND status = 'new'`,
      [tenantId, c.id],
    );
  }

  // Deadlines that passed before today count as alerted: a fresh demo does not start with a flood.
  await execute(
    tx,
    'UPDATE signals SET overdue_alerted_for = first_contact_due WHERE tenant_id = $1 AND first_contact_due < $2::date',
    [tenantId, today],
  );

  // 5. Matching and bundling as an import would do them.
  await matchSignals(s, ids, { userId: userIds.schuldhulp ?? null, publicUrl: 'http://localhost:3000' });
}
