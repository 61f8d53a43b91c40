import type { CreateGroupReport, GroupReportReceipt } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { newTrackingCode } from '../public-reports/tracking-code.js';
import { signalCategory } from '../signals/configuration-repository.js';
import { takeInSignal } from '../signals/signal-intake.js';
import { presentAfterChange } from '../signals/signal-view.js';
import { groupOr404 } from './group-view.js';

/**
 * `POST /resident-groups/:id/reports`: a resident group's report in the short fixed form — what
 * (category, description), where (location), when (occurredAt), how urgent — becomes a signal with
 * source `resident` that names the group, through the inbox's intake (routing, deadline, webhook), with
 * a tracking code the group follows it with on the public page. Posted by the group's coordinator, a
 * regisseur, or any professional who takes the group's report by phone (`signals.write`). One
 * transaction with the audit record.
 */
export function createGroupReport(
  ctx: RequestContext,
  groupId: string,
  input: CreateGroupReport,
): Promise<GroupReportReceipt> {
  return ctx.db.transaction(async (s) => {
    const group = await groupOr404(s, groupId);
    const category = await signalCategory(s, input.category);
    if (!category?.publicReport) throw invalidField('category', 'Kies een onderwerp uit de lijst');
    const trackingCode = newTrackingCode();
    const id = await takeInSignal(
      s,
      {
        category: input.category,
        description: input.description,
        source: 'resident',
        location: input.location,
        occurredAt: input.occurredAt,
      },
      { userId: ctx.userId, partnerId: ctx.partnerId },
      {
        trackingCode,
        publicText: 'De melding van uw groep is ontvangen.',
        residentGroupId: group.id,
        urgency: input.urgency,
      },
    );
    await audit(s, ctx, {
      action: 'create',
      objectType: 'signal',
      objectId: id,
      details: { residentGroupId: group.id, urgency: input.urgency },
    });
    return { ...(await presentAfterChange(s, ctx, id)), trackingCode };
  });
}
