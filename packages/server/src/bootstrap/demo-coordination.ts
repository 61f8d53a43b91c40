import { CASE_STATUSES, CASE_TYPES } from '@wijkregie/shared';
import { z } from 'zod';
import type { Tx } from '../db/db.js';
import { col, execute, idRow, oneRow, rows } from '../db/rows.js';
import { addDays, addDaysKeepingLocalTime, amsterdamDate, amsterdamMidnight } from '../lib/time.js';
import type { DemoContext } from './demo-cases.js';

/** Which demo user works for which partner (the first one is the partner's contact). */
const USER_OF_PARTNER: Record<string, string> = {
  gemeente: 'regisseur',
  politie: 'wijkagent',
  wijkteam: 'wijkteam',
  handhaving: 'handhaving',
  schuldhulp: 'schuldhulp',
  ggz: 'ggz',
  jeugd: 'jeugdzorg',
  woningcorporatie: 'woningcorporatie',
  jongerenwerk: 'jongerenwerk',
  reclassering: 'reclassering',
};

/** Plausible tasks per partner, as a meeting would agree them. */
const TASKS: Record<string, string[]> = {
  gemeente: ['Terugkoppeling aan de melders in de buurt', 'Evaluatie plannen met alle partners'],
  politie: ['Extra surveillance in de avonduren', 'Gesprek met de ouders over de meldingen'],
  wijkteam: ['Huisbezoek afleggen en hulpvraag in kaart brengen', 'Gezinsplan opstellen met het gezin'],
  handhaving: ['Controle op de hangplek na 22.00 uur', 'Waarschuwingsbrief verzenden'],
  schuldhulp: ['Intakegesprek schuldhulpverlening plannen', 'Betalingsregeling met de energieleverancier'],
  ggz: ['Beoordeling door de sociaal psychiatrisch verpleegkundige', 'Contact leggen met de huisarts'],
  jeugd: ['Jeugdhulp inzetten voor de oudste zoon', 'Overleg met de school over verzuim'],
  woningcorporatie: ['Gesprek over de huurachterstand', 'Keukentafelgesprek over woonoverlast'],
  jongerenwerk: ['Jongeren benaderen op de skatebaan', 'Activiteitenaanbod voor de groep organiseren'],
  reclassering: ['Toezicht op de bijzondere voorwaarden', 'Voortgangsrapportage aan het OM'],
};

/**
 * Meetings, actions and alerts for Voorbeeldstad: a fortnightly case meeting (one held, the rest to
 * come), a coordination meeting and an area meeting, actions of every status (some overdue) owned
 * by the partners of each case, minutes and decisions of the past meeting, and a few unread alerts.
 */
export async function seedDemoCoordination(tx: Tx, demo: DemoContext): Promise<void> {
  const { tenantId, partnerIds, userIds } = demo;
  const partnerKey = new Map(Object.entries(partnerIds).map(([k, v]) => [v, k]));
  const cases = await rows(
    tx,
    z.object({
      id: col.uuid,
      director_user_id: col.uuid.nullable(),
      partner_ids: col.textArray,
      status: z.enum(CASE_STATUSES),
      type: z.enum(CASE_TYPES),
    }),
    `SELECT c.id, c.director_user_id, c.status, c.type,
            ARRAY(SELECT cp.partner_id FROM case_partners cp WHERE cp.case_id = c.id ORDER BY cp.added_at, cp.partner_id) AS partner_ids
       FROM cases c WHERE c.tenant_id = $1 AND c.status <> 'closed' ORDER BY c.reference`,
    [tenantId],
  );
  const today = amsterdamDate();
  const at = (daysFromToday: number, hour: number) =>
    new Date(amsterdamMidnight(addDays(today, daysFromToday)).getTime() + hour * 3_600_000);

  const meeting = async (m: {
    title: string;
    kind: string;
    startsAt: Date;
    place: string;
    chair: string;
    partners: string[];
    caseIds: string[];
    seriesId?: string;
  }) => {
    const { id } = await oneRow(
      tx,
      idRow,
      `INSERT INTO meetings (tenant_id, title, kind, starts_at, place, chair_user_id, series_id, created_by_user_id, created_by_partner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        tenantId,
        m.title,
        m.kind,
        m.startsAt.toISOString(),
        m.place,
        userIds[m.chair],
        m.seriesId ?? null,
        userIds.regisseur,
        partnerIds.gemeente,
      ],
    );
    for (const p of m.partners) {
      await execute(
        tx,
        'INSERT INTO meeting_partners (tenant_id, meeting_id, partner_id) VALUES ($1, $2, $3)',
        [tenantId, id, partnerIds[p]],
      );
    }
    for (const [i, caseId] of m.caseIds.entries()) {
      await execute(
        tx,
        'INSERT INTO meeting_agenda (tenant_id, meeting_id, case_id, position) VALUES ($1, $2, $3, $4)',
        [tenantId, id, caseId, i + 1],
      );
    }
    return id;
  };

  // A fortnightly case meeting on Tuesday 10:00: the last one was held 14 days ago, five are to come.
  const series = await oneRow(tx, idRow, 'SELECT gen_random_uuid() AS id');
  const careCases = cases.filter((c) => c.type === 'person' || c.type === 'household');
  const groupCases = cases.filter((c) => c.type === 'group' || c.type === 'area');
  const allPartners = ['gemeente', 'politie', 'wijkteam', 'ggz', 'schuldhulp', 'jeugd', 'woningcorporatie'];
  const first = at(-14, 10);
  const seriesIds: string[] = [];
  for (let k = 0; k < 6; k++) {
    seriesIds.push(
      await meeting({
        title: 'Casusoverleg Zorg en Veiligheid',
        kind: 'case',
        startsAt: addDaysKeepingLocalTime(first, k * 14),
        place: 'Stadhuis, zaal 2.14',
        chair: 'regisseur',
        partners: allPartners,
        caseIds: careCases.slice(k * 3, k * 3 + 4).map((c) => c.id),
        seriesId: series.id,
      }),
    );
  }
  await meeting({
    title: 'Afstemmingsoverleg jeugdgroepen',
    kind: 'coordination',
    startsAt: at(3, 14),
    place: 'Politiebureau Centrum',
    chair: 'wijkagent',
    partners: ['gemeente', 'politie', 'handhaving', 'jongerenwerk', 'jeugd'],
    caseIds: groupCases.slice(0, 4).map((c) => c.id),
  });
  await meeting({
    title: 'Gebiedsoverleg Centrum',
    kind: 'area',
    startsAt: at(9, 19),
    place: 'Wijkcentrum De Brug',
    chair: 'regisseur',
    partners: ['gemeente', 'politie', 'handhaving', 'woningcorporatie', 'jongerenwerk'],
    caseIds: cases
      .filter((c) => c.type === 'area' || c.type === 'undermining')
      .slice(0, 3)
      .map((c) => c.id),
  });

  // Minutes and decisions of the meeting that was held.
  const held = seriesIds[0]!;
  for (const c of careCases.slice(0, 3)) {
    await execute(
      tx,
      `INSERT INTO entries (tenant_id, case_id, category, text, author_user_id, partner_id, kind, meeting_id, created_at)
       VALUES ($1, $2, 'basis', $3, $4, $5, 'decision', $6, $7)`,
      [
        tenantId,
        c.id,
        'Besloten: integraal plan van aanpak opstellen; casusregisseur verdeelt de acties over de partners.',
        userIds.regisseur,
        partnerIds.gemeente,
        held,
        new Date(first.getTime() + 3_600_000),
      ],
    );
  }

  // Actions: for every open case two or three, owned by partners of the case.
  let n = 0;
  for (const c of cases) {
    const owners = c.partner_ids.map((p) => partnerKey.get(p)!).filter((k) => TASKS[k]);
    const count = 2 + (n % 2);
    for (let i = 0; i < count && owners.length; i++) {
      const owner = owners[(n + i) % owners.length]!;
      const tasks = TASKS[owner]!;
      const offset = [-9, -2, 3, 6, 12, 20][(n + i) % 6]!;
      const status = offset < -5 && i % 2 === 0 ? 'done' : (n + i) % 11 === 0 ? 'cancelled' : 'open';
      const assignee = (n + i) % 3 === 0 ? null : userIds[USER_OF_PARTNER[owner]!];
      const fromMeeting = careCases.slice(0, 4).some((x) => x.id === c.id) ? held : null;
      const action = await oneRow(
        tx,
        idRow,
        `INSERT INTO actions (tenant_id, case_id, title, owner_partner_id, assignee_user_id, due_date, status, result,
                              meeting_id, overdue_alerted_for, created_by_user_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
        [
          tenantId,
          c.id,
          tasks[(n + i) % tasks.length],
          partnerIds[owner],
          assignee,
          addDays(today, offset),
          status,
          status === 'done' ? 'Uitgevoerd; terugkoppeling in het journaal.' : null,
          fromMeeting,
          // Overdue demo actions count as alerted already: the scheduler must not flood the inbox.
          offset < 0 ? addDays(today, offset) : null,
          c.director_user_id ?? userIds.regisseur,
          new Date(Date.now() - 20 * 86_400_000),
        ],
      );
      await execute(
        tx,
        'INSERT INTO action_history (tenant_id, action_id, user_id, change, at) VALUES ($1, $2, $3, $4::jsonb, $5)',
        [
          tenantId,
          action.id,
          c.director_user_id ?? userIds.regisseur,
          JSON.stringify({ created: { ownerPartnerId: partnerIds[owner], dueDate: addDays(today, offset) } }),
          new Date(Date.now() - 20 * 86_400_000),
        ],
      );
    }
    n++;
  }

  // The regisseur follows a few cases and finds some unread alerts after logging in.
  const kinds = ['entry_added', 'action_done', 'status_changed', 'action_overdue'];
  for (const [i, c] of cases.slice(0, 4).entries()) {
    await execute(tx, 'INSERT INTO case_followers (tenant_id, case_id, user_id) VALUES ($1, $2, $3)', [
      tenantId,
      c.id,
      userIds.regisseur,
    ]);
    await execute(
      tx,
      // A single change: it came in when the alert was made (the list shows `updated_at`).
      `INSERT INTO alerts (tenant_id, user_id, kind, case_id, actor_user_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [
        tenantId,
        userIds.regisseur,
        kinds[i],
        c.id,
        userIds.wijkteam,
        new Date(Date.now() - (i + 1) * 3_600_000),
      ],
    );
  }
}
