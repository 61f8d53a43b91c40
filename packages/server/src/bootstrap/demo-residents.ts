import { DEFAULT_HOW_TO_REPORT, type ReportUrgency, type ResidentGroupKind } from '@wijkregie/shared';
import type { Tx } from '../db/db.js';
import { execute, idRow, oneRow } from '../db/rows.js';
import { TenantScope } from '../db/scope.js';
import { newTrackingCode } from '../modules/public-reports/tracking-code.js';
import { takeInSignal } from '../modules/signals/signal-intake.js';
import { demoAreas } from './demo-areas.js';
import type { DemoContext } from './demo-cases.js';

/*
 * Residents as partners in Voorbeeldstad: the buurtpreventie team of the Molenbuurt (coordinated by the
 * wijkagent) and the wijkraad of Centrum (coordinated by the regisseur), with members and a few reports
 * that came in through the normal intake; and the municipality's own "what and how to report" text.
 */

interface DemoGroup {
  name: string;
  kind: ResidentGroupKind;
  areas: string[];
  contactEmail: string;
  coordinator: string;
  members: { name: string; email: string; phone?: string; role: string }[];
  reports: {
    category: string;
    description: string;
    street: string;
    houseNumber?: string;
    buurt: string;
    hoursAgo: number;
    urgency: ReportUrgency;
    /** A status the report has moved on to, with what the group read about it. */
    moved?: { status: 'triage' | 'closed'; publicText: string };
  }[];
}

const GROUPS: DemoGroup[] = [
  {
    name: 'Buurtpreventie Molenbuurt',
    kind: 'buurtpreventie',
    areas: ['BU99990201'],
    contactEmail: 'buurtpreventie.molenbuurt@voorbeeldstad.example',
    coordinator: 'wijkagent',
    members: [
      {
        name: 'Gerda Hoekstra',
        email: 'gerda.hoekstra@mail.example',
        phone: '06-11223344',
        role: 'Coördinator bewoners',
      },
      {
        name: 'Ahmed Benali',
        email: 'ahmed.benali@mail.example',
        phone: '06-22334455',
        role: 'Loopt avondronde',
      },
      { name: 'Joke van Dijk', email: 'joke.vandijk@mail.example', role: 'Beheerder app-groep' },
      { name: 'Tom Verbeek', email: 'tom.verbeek@mail.example', role: 'Loopt avondronde' },
    ],
    reports: [
      {
        category: 'overlast_jeugd',
        description: 'Groep van zes jongeren bij het speelveld, harde muziek en vuurwerk tot na middernacht.',
        street: 'Molenweg',
        buurt: 'BU99990201',
        hoursAgo: 20,
        urgency: 'hoog',
      },
      {
        category: 'ondermijning_leegstand',
        description: "Bovenwoning staat al maanden leeg, 's nachts komen er steeds andere auto's aan.",
        street: 'Korenstraat',
        houseNumber: '14',
        buurt: 'BU99990201',
        hoursAgo: 70,
        urgency: 'normaal',
        moved: {
          status: 'triage',
          publicText: 'Uw melding wordt bekeken door de gemeente en de handhaving.',
        },
      },
    ],
  },
  {
    name: 'Wijkraad Centrum',
    kind: 'wijkraad',
    areas: ['WK999901'],
    contactEmail: 'wijkraad.centrum@voorbeeldstad.example',
    coordinator: 'regisseur',
    members: [
      {
        name: 'Hanneke Postma',
        email: 'voorzitter@wijkraadcentrum.example',
        phone: '06-33445566',
        role: 'Voorzitter',
      },
      { name: 'Rob Kramer', email: 'secretaris@wijkraadcentrum.example', role: 'Secretaris' },
      { name: 'Samira Ouali', email: 'samira.ouali@mail.example', role: 'Lid' },
    ],
    reports: [
      {
        category: 'verwaarlozing',
        description: 'Oudere buurman is al een week niet buiten geweest, de post stapelt zich op.',
        street: 'Stationsstraat',
        buurt: 'BU99990102',
        hoursAgo: 5,
        urgency: 'spoed',
      },
      {
        category: 'woonoverlast',
        description: 'Vuilniszakken naast de containers bij de flat, ratten gezien.',
        street: 'Marktplein',
        buurt: 'BU99990101',
        hoursAgo: 240,
        urgency: 'laag',
        moved: {
          status: 'closed',
          publicText: 'De woningcorporatie heeft de containers laten legen en bewoners een brief gestuurd.',
        },
      },
    ],
  },
];

/** The middle of a demo buurt. */
function middleOf(code: string): { lat: number; lng: number } {
  const area = demoAreas().find((a) => a.code === code);
  const ring = area?.geometry.coordinates[0]?.slice(0, -1) ?? [];
  if (!ring.length) throw new Error(`no demo area ${code}`);
  return {
    lng: ring.reduce((acc, p) => acc + p[0], 0) / ring.length,
    lat: ring.reduce((acc, p) => acc + p[1], 0) / ring.length,
  };
}

export async function seedDemoResidents(tx: Tx, demo: DemoContext): Promise<void> {
  const { tenantId, userIds, partnerIds, areaIds } = demo;
  const s = new TenantScope(tx, tenantId);
  const partnerOf: Record<string, string | undefined> = {
    wijkagent: partnerIds.politie,
    regisseur: partnerIds.gemeente,
  };
  for (const g of GROUPS) {
    const coordinatorId = userIds[g.coordinator];
    if (!coordinatorId) throw new Error(`no demo user ${g.coordinator}`);
    const group = await oneRow(
      tx,
      idRow,
      `INSERT INTO resident_groups (tenant_id, name, kind, contact_email, coordinator_user_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, g.name, g.kind, g.contactEmail, coordinatorId, userIds.regisseur],
    );
    for (const code of g.areas) {
      await execute(
        tx,
        'INSERT INTO resident_group_areas (tenant_id, group_id, area_id) VALUES ($1, $2, $3)',
        [tenantId, group.id, areaIds.get(code)],
      );
    }
    for (const m of g.members) {
      await execute(
        tx,
        `INSERT INTO resident_group_members (tenant_id, group_id, name, email, phone, role)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, group.id, m.name, m.email, m.phone ?? null, m.role],
      );
    }
    for (const r of g.reports) {
      const id = await takeInSignal(
        s,
        {
          category: r.category,
          description: r.description,
          source: 'resident',
          location: {
            street: r.street,
            ...(r.houseNumber ? { houseNumber: r.houseNumber } : {}),
            city: 'Voorbeeldstad',
            ...middleOf(r.buurt),
          },
          occurredAt: new Date(Date.now() - r.hoursAgo * 3_600_000).toISOString(),
        },
        { userId: coordinatorId, partnerId: partnerOf[g.coordinator] ?? null },
        {
          trackingCode: newTrackingCode(),
          publicText: 'De melding van uw groep is ontvangen.',
          residentGroupId: group.id,
          urgency: r.urgency,
        },
      );
      const at = new Date(Date.now() - (r.hoursAgo - 1) * 3_600_000).toISOString();
      await execute(
        tx,
        'UPDATE signals SET created_at = $3, updated_at = $3 WHERE tenant_id = $1 AND id = $2',
        [tenantId, id, at],
      );
      if (r.moved) {
        await execute(tx, 'UPDATE signals SET status = $3 WHERE tenant_id = $1 AND id = $2', [
          tenantId,
          id,
          r.moved.status,
        ]);
        await execute(
          tx,
          `INSERT INTO signal_history (tenant_id, signal_id, user_id, change, public_text)
           VALUES ($1, $2, $3, $4::jsonb, $5)`,
          [
            tenantId,
            id,
            userIds.regisseur,
            JSON.stringify({ status: { from: 'new', to: r.moved.status } }),
            r.moved.publicText,
          ],
        );
      }
    }
  }
  await execute(tx, 'INSERT INTO how_to_report (tenant_id, content, updated_by) VALUES ($1, $2::jsonb, $3)', [
    tenantId,
    JSON.stringify({
      ...DEFAULT_HOW_TO_REPORT,
      intro:
        'Ziet u iets in Voorbeeldstad dat niet klopt? Meld het. Zo weten de gemeente, de politie en andere organisaties wat er in uw buurt speelt. Hieronder leest u waar u wat meldt.',
      takePart:
        'Wilt u meer doen voor uw buurt? In de Molenbuurt loopt de buurtpreventie elke week een avondronde, en in Centrum praat de wijkraad mee over plannen voor de wijk. Mail de wijkregisseur via wijkregie@voorbeeldstad.example: wij brengen u in contact.',
    }),
    userIds.regisseur,
  ]);
}
