import type { SocialMapRole } from '@wijkregie/shared';
import type { Tx } from '../db/db.js';
import { execute, idRow, oneRow } from '../db/rows.js';
import type { DemoContext } from './demo-cases.js';

/*
 * The sociale kaart of Voorbeeldstad: in every wijk the wijkagent, a wijkteam worker, a jongerenwerker,
 * a woonconsulent, a handhaver and a schuldhulp contact, each of the demo partner of that kind, with a
 * phone number, an email address and when to reach them. In Centrum the demo accounts themselves; a
 * few work in one buurt only, a GGZ contact and a reclassering worker cover several wijken.
 */

/** The partner of each role (the demo partners' keys in demo.ts). */
const PARTNER_OF: Record<SocialMapRole, string> = {
  wijkagent: 'politie',
  wijkteam: 'wijkteam',
  jongerenwerker: 'jongerenwerk',
  woonconsulent: 'woningcorporatie',
  handhaver: 'handhaving',
  schuldhulp: 'schuldhulp',
  ggz: 'ggz',
  reclassering: 'reclassering',
  leerplicht: 'gemeente',
  gebiedsregisseur: 'gemeente',
  overig: 'gemeente',
};

const MAIL_DOMAIN: Record<string, string> = {
  politie: 'politie.voorbeeldstad.example',
  wijkteam: 'wijkteam.voorbeeldstad.example',
  jongerenwerk: 'jongerenwerk.voorbeeldstad.example',
  woningcorporatie: 'woonstichting.voorbeeldstad.example',
  handhaving: 'voorbeeldstad.example',
  schuldhulp: 'schuldhulp.voorbeeldstad.example',
  ggz: 'ggz.voorbeeldstad.example',
  reclassering: 'reclassering.voorbeeldstad.example',
  gemeente: 'voorbeeldstad.example',
};

interface DemoPerson {
  name: string;
  role: SocialMapRole;
  /** CBS codes of the wijken and buurten. */
  areas: string[];
  phone: string;
  availability: string;
}

const WIJK_STAFF: [string, string, [string, string, string, string, string, string]][] = [
  [
    'WK999901',
    'wijkcentrum De Brug',
    ['Mark Jansen', 'Lotte Bakker', 'Jerry Brown', 'Sevda Kaya', 'Kevin Smit', 'Aylin Yilmaz'],
  ],
  [
    'WK999902',
    'wijkcentrum De Molen',
    ['Ruud Hendriks', 'Anouk Peters', 'Mohamed Amrani', 'Ingrid Dekker', 'Thijs van Leeuwen', 'Naima Bouzid'],
  ],
  [
    'WK999903',
    'buurthuis Parkzicht',
    ['Ellen Vermeulen', 'Yusuf Demir', 'Sophie Brouwer', 'Wim de Boer', 'Priya Ramdin', 'Henk Willems'],
  ],
  [
    'WK999904',
    'wijkcentrum Zuiderpark',
    ['Rachid Ouali', 'Marloes Verhoeven', 'Dewi Pattinama', 'Frank Koster', 'Bram Schouten', 'Joyce Mulder'],
  ],
  [
    'WK999905',
    'buurthuis Westerveld',
    ['Karin Post', 'Stefan Dijkstra', 'Lina Haddad', 'Gert Jan Bos', 'Tamara Vos', 'Chantal Maas'],
  ],
];

const ROLES_IN_ORDER: SocialMapRole[] = [
  'wijkagent',
  'wijkteam',
  'jongerenwerker',
  'woonconsulent',
  'handhaver',
  'schuldhulp',
];

const AVAILABILITY: Record<string, (centre: string) => string> = {
  wijkagent: (c) => `ma, di en do 9–17 uur; spreekuur ${c} wo 10–12 uur. Bij spoed: 112, anders 0900-8844`,
  wijkteam: (c) => `ma t/m do 8.30–17 uur; inloop ${c} di 13–15 uur`,
  jongerenwerker: () => 'di t/m vr 14–22 uur, ook op straat en in het jongerenhonk',
  woonconsulent: (c) => `di en do 9–16 uur; spreekuur ${c} do 10–12 uur`,
  handhaver: () => 'ma t/m za 8–22 uur in de wijk, via het algemene nummer',
  schuldhulp: (c) => `ma, wo en vr 9–17 uur; spreekuur geldzaken ${c} vr 10–12 uur`,
};

function mailOf(name: string, partnerKey: string): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '.');
  return `${local}@${MAIL_DOMAIN[partnerKey] ?? 'voorbeeldstad.example'}`;
}

function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = WIJK_STAFF.flatMap(([code, centre, names], w) =>
    ROLES_IN_ORDER.map((role, i) => ({
      name: names[i] ?? role,
      role,
      areas: [code],
      phone: `030-${String(2400000 + w * 100 + i * 7).padStart(7, '0')}`,
      availability: AVAILABILITY[role]?.(centre) ?? 'op werkdagen',
    })),
  );
  people.push(
    {
      name: 'Eva Mulder',
      role: 'ggz',
      areas: ['WK999901', 'WK999905'],
      phone: '030-2409911',
      availability: 'ma t/m vr 9–17 uur; bij crisis de crisisdienst (24/7)',
    },
    {
      name: 'Marieke de Groot',
      role: 'reclassering',
      areas: ['WK999901', 'WK999902', 'WK999903'],
      phone: '030-2409922',
      availability: 'di en do 9–17 uur',
    },
    {
      name: 'Jeroen Smits',
      role: 'jongerenwerker',
      areas: ['BU99990102'],
      phone: '030-2409933',
      availability: 'vr en za 19–23 uur, straatwerk rond het stationsplein',
    },
    {
      name: 'Hanneke Vos',
      role: 'leerplicht',
      areas: ['WK999901', 'WK999904'],
      phone: '030-2409944',
      availability: 'ma, wo en do 8.30–16.30 uur',
    },
  );
  return people;
}

/** Seeds the sociale kaart of the demo municipality in the seed's transaction. */
export async function seedDemoSocialMap(tx: Tx, ctx: DemoContext): Promise<void> {
  for (const p of demoPeople()) {
    const partnerKey = PARTNER_OF[p.role];
    const partnerId = ctx.partnerIds[partnerKey];
    if (!partnerId) throw new Error(`demo partner ${partnerKey} missing`);
    const areaIds = p.areas.map((code) => {
      const id = ctx.areaIds.get(code);
      if (!id) throw new Error(`demo area ${code} missing`);
      return id;
    });
    const { id } = await oneRow(
      tx,
      idRow,
      `INSERT INTO social_map_entries (tenant_id, partner_id, name, role, phone, email, availability)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [ctx.tenantId, partnerId, p.name, p.role, p.phone, mailOf(p.name, partnerKey), p.availability],
    );
    await execute(
      tx,
      `INSERT INTO social_map_entry_areas (tenant_id, entry_id, area_id)
       SELECT $1, $2, a FROM unnest($3::uuid[]) AS a`,
      [ctx.tenantId, id, areaIds],
    );
  }
}
