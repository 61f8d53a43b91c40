import type { CreateSignal, Deadline, ReportUrgency } from '@wijkregie/shared';
import { enqueueWebhookEvent } from '../../background/webhook-repository.js';
import type { TenantScope } from '../../db/scope.js';
import { invalidField } from '../../http/errors.js';
import { addDays, amsterdamDate } from '../../lib/time.js';
import { addWorkingDays } from '../../lib/workdays.js';
import { areaAt } from '../areas/locate.js';
import { findRoute, signalCategory } from './configuration-repository.js';
import { addSignalHistory, insertSignal } from './repository.js';

/**
 * Intake, shared by the inbox form and the residents' report: the area from the point, the routing
 * rule (category × buurt, its wijk, or anywhere) with the reason in words, and the first-contact
 * deadline from the category.
 */

/** The first-contact deadline from a category's rule, counted from `from`. */
export function firstContactDue(from: string, rule: Deadline): string {
  return rule.working ? addWorkingDays(from, rule.days) : addDays(from, rule.days);
}

export type SignalIntake = Pick<
  CreateSignal,
  'category' | 'description' | 'source' | 'location' | 'occurredAt'
>;

/**
 * Stores a new signal, routed and with its deadline, and its first history record (`publicText`: what
 * a reporting resident reads). Answers its id and the routing reason.
 */
export async function takeInSignal(
  s: TenantScope,
  input: SignalIntake,
  reporter: { userId: string | null; partnerId: string | null },
  extra: {
    trackingCode?: string | null;
    contact?: unknown;
    publicText?: string | null;
    /** A resident group's report: the group and how urgent it says it is. */
    residentGroupId?: string | null;
    urgency?: ReportUrgency | null;
  } = {},
): Promise<string> {
  const category = await signalCategory(s, input.category);
  if (!category) throw invalidField('category', 'Onbekende categorie');
  const loc = input.location ?? {};
  const areaId = loc.lat !== undefined && loc.lng !== undefined ? await areaAt(s, loc.lat, loc.lng) : null;
  const route = await findRoute(s, input.category, areaId);
  const routingReason = route
    ? `Routeringsregel: ${category.label}${route.area_name ? ` in ${route.area_name}` : ' (hele gemeente)'} → ${route.partner_name}`
    : 'Geen routeringsregel voor deze categorie en plek: de regisseur beoordeelt het signaal.';
  const id = await insertSignal(s, {
    category: input.category,
    description: input.description,
    source: input.source,
    occurredAt: input.occurredAt ?? null,
    street: loc.street ?? null,
    houseNumber: loc.houseNumber ?? null,
    postalCode: loc.postalCode ?? null,
    city: loc.city ?? null,
    lat: loc.lat ?? null,
    lng: loc.lng ?? null,
    areaId,
    reporterUserId: reporter.userId,
    reporterPartnerId: reporter.partnerId,
    routedPartnerId: route?.partner_id ?? null,
    routingReason,
    firstContactDue: firstContactDue(amsterdamDate(), {
      days: category.deadlineDays,
      working: category.deadlineWorking,
    }),
    trackingCode: extra.trackingCode ?? null,
    contact: extra.contact ?? null,
    residentGroupId: extra.residentGroupId ?? null,
    urgency: extra.urgency ?? null,
  });
  await addSignalHistory(
    s,
    id,
    reporter.userId,
    { created: { source: input.source, routing: routingReason } },
    extra.publicText ?? null,
  );
  // Other systems learn that a signal came in: ids, status, area and time, nothing of its text.
  await enqueueWebhookEvent(s, 'nl.wijkregie.signal.received', {
    signalId: id,
    status: 'new',
    areaId,
    receivedAt: new Date().toISOString(),
  });
  return id;
}
