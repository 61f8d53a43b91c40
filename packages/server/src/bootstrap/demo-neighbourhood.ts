import type { Tx } from '../db/db.js';
import { execute, idRow, oneRow } from '../db/rows.js';
import { amsterdamDate, amsterdamMidnight } from '../lib/time.js';
import { demoAreas } from './demo-areas.js';
import { type DemoContext, prng } from './demo-cases.js';

/*
 * The neighbourhood picture of Voorbeeldstad: a year of incidents in every buurt, with a hotspot of youth
 * nuisance and drugs on the station square of the Stationskwartier that the area approach — started six
 * months ago — visibly bends; the approach with its joint goal, partners, commitments and indicators;
 * and field notes from the street. All dates are relative to today, so the demo stays current.
 */

/** The kinds of incident and how many a buurt has in an ordinary month. */
const ORDINARY: [string, number][] = [
  ['woonoverlast', 1.2],
  ['inbraak', 0.8],
  ['vernieling', 0.9],
  ['overlast_jeugd', 0.7],
  ['verloedering', 0.8],
  ['geweld', 0.3],
  ['drugs', 0.3],
  ['leegstand', 0.1],
  ['hennep', 0.05],
];
const APPROACH_MONTHS_AGO = 6;

function centreOf(ring: [number, number][]): { lat: number; lng: number } {
  const points = ring.slice(0, -1);
  const lng = points.reduce((n, p) => n + p[0], 0) / points.length;
  const lat = points.reduce((n, p) => n + p[1], 0) / points.length;
  return { lat, lng };
}

/** The first day (`YYYY-MM-01`) of the month `back` months before this one. */
function monthStart(back: number): string {
  const today = amsterdamDate();
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

interface DemoIncident {
  category: string;
  occurredAt: string;
  lat: number;
  lng: number;
  areaId: string;
  source: string;
  externalId: string;
  description: string | null;
}

export async function seedDemoNeighbourhood(tx: Tx, ctx: DemoContext): Promise<void> {
  const random = prng(1313);
  const now = Date.now();
  const incidents: DemoIncident[] = [];
  const buurten = demoAreas().filter((a) => a.kind === 'buurt');
  const station = ctx.areaIds.get('BU99990102');
  // The station square, where the youth group hangs out and deals: just east of the buurt's middle.
  const stationRing = buurten.find((b) => b.code === 'BU99990102')?.geometry.coordinates[0];
  const stationCentre = stationRing ? centreOf(stationRing) : { lat: 0, lng: 0 };
  const STATION_SQUARE = { lat: stationCentre.lat + 0.001, lng: stationCentre.lng + 0.003 };
  let seq = 0;
  const add = (
    category: string,
    at: Date,
    point: { lat: number; lng: number },
    areaId: string,
    spread: number,
  ) => {
    if (at.getTime() > now) return;
    seq++;
    incidents.push({
      category,
      occurredAt: at.toISOString(),
      lat: Number((point.lat + (random.next() - 0.5) * spread * 0.6).toFixed(6)),
      lng: Number((point.lng + (random.next() - 0.5) * spread).toFixed(6)),
      areaId,
      source: category === 'verloedering' || category === 'leegstand' ? 'handhaving' : 'politie-bvh',
      externalId: `DEMO-${String(seq).padStart(5, '0')}`,
      description: null,
    });
  };
  /** A moment in the month `back` months ago; evenings for youth nuisance. */
  const momentIn = (back: number, evening: boolean) => {
    const day = 1 + random.int(0, 27);
    const start = amsterdamMidnight(`${monthStart(back).slice(0, 8)}${String(day).padStart(2, '0')}`);
    const hour = evening ? 19 + random.int(0, 4) : random.int(0, 23);
    return new Date(start.getTime() + (hour * 60 + random.int(0, 59)) * 60_000);
  };
  const poisson = (mean: number) => {
    let n = 0;
    let p = Math.exp(-mean);
    let sum = p;
    const u = random.next();
    while (u > sum && n < 50) {
      n++;
      p *= mean / n;
      sum += p;
    }
    return n;
  };

  for (let back = 11; back >= 0; back--) {
    for (const b of buurten) {
      const areaId = ctx.areaIds.get(b.code);
      const ring = b.geometry.coordinates[0];
      if (!areaId || !ring) continue;
      const centre = centreOf(ring);
      for (const [category, mean] of ORDINARY) {
        for (let k = poisson(mean); k > 0; k--) add(category, momentIn(back, false), centre, areaId, 0.012);
      }
    }
    if (!station) continue;
    // The hotspot: about 14 youth-nuisance and 5 drug incidents a month until the approach started,
    // then fewer each month.
    const bent = back < APPROACH_MONTHS_AGO ? (APPROACH_MONTHS_AGO - back) / APPROACH_MONTHS_AGO : 0;
    // A steady count with a little wobble, so the trend reads at a glance.
    const steady = (mean: number) => Math.max(0, Math.round(mean) + random.int(-1, 1));
    for (let k = steady(14 * (1 - 0.75 * bent)); k > 0; k--) {
      add('overlast_jeugd', momentIn(back, true), STATION_SQUARE, station, 0.002);
    }
    for (let k = steady(5 * (1 - 0.5 * bent)); k > 0; k--) {
      add('drugs', momentIn(back, true), STATION_SQUARE, station, 0.002);
    }
  }
  await execute(
    tx,
    `INSERT INTO incidents (tenant_id, category, occurred_at, lat, lng, area_id, source, external_id, description)
     SELECT $1, i.category, i."occurredAt", i.lat, i.lng, i."areaId", i.source, i."externalId", i.description
       FROM jsonb_to_recordset($2::jsonb) AS i (category text, "occurredAt" timestamptz, lat float8, lng float8,
            "areaId" uuid, source text, "externalId" text, description text)`,
    [ctx.tenantId, JSON.stringify(incidents)],
  );

  const centrum = ctx.areaIds.get('WK999901');
  const coordinator = ctx.userIds.regisseur;
  if (!centrum || !coordinator) return;
  const approach = await oneRow(
    tx,
    idRow,
    `INSERT INTO approaches (tenant_id, area_id, title, joint_goal, start_date, coordinator_user_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      ctx.tenantId,
      centrum,
      'Veilig Stationskwartier',
      'Het stationsplein is weer van iedereen: minder overlast en handel van de jongerengroep, en bewoners en reizigers die zich er veilig voelen, ook na donker.',
      monthStart(APPROACH_MONTHS_AGO),
      coordinator,
      amsterdamMidnight(monthStart(APPROACH_MONTHS_AGO)),
    ],
  );
  const commitments: [string, string][] = [
    ['gemeente', 'Regie, extra verlichting op het plein en een vaste plek in het wijkoverleg'],
    ['politie', 'Wijkagent twee avonden per week op het plein; gerichte aanpak van de handel'],
    ['handhaving', 'Toezicht in de weekenden; meldingen van verloedering binnen een week opgepakt'],
    ['jongerenwerk', 'Contact met de groep en een eigen plek in het buurthuis'],
    ['woningcorporatie', 'Leegstaande bedrijfsruimte aan het plein opnieuw verhuren'],
  ];
  await execute(
    tx,
    `INSERT INTO approach_partners (tenant_id, approach_id, partner_id, commitment)
     SELECT $1, $2, c."partnerId", c.commitment FROM jsonb_to_recordset($3::jsonb) AS c ("partnerId" uuid, commitment text)`,
    [
      ctx.tenantId,
      approach.id,
      JSON.stringify(
        commitments.map(([key, commitment]) => ({ partnerId: ctx.partnerIds[key], commitment })),
      ),
    ],
  );
  await execute(
    tx,
    `INSERT INTO indicators (tenant_id, approach_id, name, unit, baseline, target, direction, source, incident_category,
                             position)
     VALUES ($1, $2, 'Overlast jeugd in de wijk per maand', 'incidenten', 16, 6, 'down', 'incidents', 'overlast_jeugd', 0),
            ($1, $2, 'Drugsincidenten in de wijk per maand', 'incidenten', 6, 2, 'down', 'incidents', 'drugs', 1)`,
    [ctx.tenantId, approach.id],
  );
  const felt = await oneRow(
    tx,
    idRow,
    `INSERT INTO indicators (tenant_id, approach_id, name, unit, baseline, target, direction, source, position)
     VALUES ($1, $2, 'Bewoners die zich veilig voelen rond het station', '%', 48, 65, 'up', 'manual', 2) RETURNING id`,
    [ctx.tenantId, approach.id],
  );
  await execute(
    tx,
    `INSERT INTO indicator_measurements (tenant_id, indicator_id, measured_on, value, user_id)
     VALUES ($1, $2, $3, 49, $6), ($1, $2, $4, 54, $6), ($1, $2, $5, 58, $6)`,
    [ctx.tenantId, felt.id, monthStart(5), monthStart(3), monthStart(1), coordinator],
  );

  const binnenstad = ctx.areaIds.get('BU99990101');
  const notes: [string | undefined, number, string, string[], string, string | null, string][] = [
    [
      station,
      5,
      'walk',
      ['verlichting', 'jongeren'],
      'Wijkschouw met bewoners na donker: de hoek bij de fietsenstalling is slecht verlicht, daar staat de groep.',
      'Gemeente: extra lampen bij de stalling',
      'regisseur',
    ],
    [
      station,
      4,
      'street_talk',
      ['jongeren', 'drugs'],
      'Gesprek met de groep op het plein: ze willen een eigen plek; twee van hen zijn het aanspreekpunt.',
      'Jongerenwerk plant een gesprek in het buurthuis',
      'jongerenwerk',
    ],
    [
      binnenstad,
      2,
      'meeting',
      ['veiligheidsgevoel'],
      'Bewonersavond in de bibliotheek: minder last dan in het voorjaar, maar de winkeliers willen het toezicht houden.',
      null,
      'wijkagent',
    ],
    [
      station,
      1,
      'home_visit',
      ['overlast', 'leegstand'],
      'Huisbezoeken aan de flat naast het plein: de leegstaande winkelruimte trekt nog rommel en hangen aan.',
      'Woonstichting: nieuwe huurder voor de winkelruimte',
      'handhaving',
    ],
  ];
  for (const [areaId, back, kind, topics, text, followUp, author] of notes) {
    const userId = ctx.userIds[author];
    const partner = author === 'regisseur' ? 'gemeente' : author === 'wijkagent' ? 'politie' : author;
    if (!areaId || !userId) continue;
    await execute(
      tx,
      `INSERT INTO observations (tenant_id, area_id, observed_on, kind, topics, text, follow_up, author_user_id,
                                 author_partner_id)
       VALUES ($1, $2, $3::date + 9, $4, $5, $6, $7, $8, $9)`,
      [ctx.tenantId, areaId, monthStart(back), kind, topics, text, followUp, userId, ctx.partnerIds[partner]],
    );
  }
}
