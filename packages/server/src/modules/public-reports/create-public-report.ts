import {
  PHOTO_CONTENT_TYPES,
  type PublicReport,
  type PublicReportForm,
  type PublicReportReceipt,
} from '@wijkregie/shared';
import { invalidField } from '../../http/errors.js';
import { attachFiles } from '../attachments/attach-files.js';
import { checkUploads } from '../attachments/uploads.js';
import { appendAudit } from '../audit/repository.js';
import { signalCategory } from '../signals/configuration-repository.js';
import { takeInSignal } from '../signals/signal-intake.js';
import type { PublicDeps } from '../throttle/throttle.js';
import { REPORT_LIMIT, resolvePublicTenant, throttlePublic } from './public-access.js';
import { newTrackingCode } from './tracking-code.js';

/**
 * `POST /api/public/v1/reports`: a resident's report becomes a signal with source `resident` in the
 * municipality's inbox, routed like any other. The resident gets a tracking code, nothing else. At
 * most five reports per address in ten minutes; a filled honeypot gets a receipt and stores nothing.
 * Sent as a form, it may bring one photo, stored with the signal (its attachment) or not at all.
 */
export async function createPublicReport(
  deps: PublicDeps,
  ip: string,
  input: PublicReport | PublicReportForm,
  gemeente?: string,
): Promise<PublicReportReceipt> {
  await throttlePublic(deps.throttle, REPORT_LIMIT, ip);
  const trackingCode = newTrackingCode();
  // The honeypot: a person never fills this field. A bot gets a receipt; nothing is stored.
  if (input.website) return { trackingCode };
  const tenantId = await resolvePublicTenant(deps.system, gemeente);
  // A photo (JPEG or PNG) is checked by its content before anything is stored (415).
  const uploads = await checkUploads('file' in input ? input.file : [], PHOTO_CONTENT_TYPES);
  return deps.system.forTenant(tenantId).transaction(async (s) => {
    const category = await signalCategory(s, input.category);
    if (!category?.publicReport) throw invalidField('category', 'Kies een onderwerp uit de lijst');
    const id = await takeInSignal(
      s,
      {
        category: input.category,
        description: input.description,
        source: 'resident',
        location: input.location,
      },
      { userId: null, partnerId: null },
      { trackingCode, contact: input.contact ?? null, publicText: 'Uw melding is ontvangen.' },
    );
    const photos = await attachFiles(s, { signalId: id }, uploads, null);
    // Nobody is logged in, so there is no request context for `audit(…)`: the record names no user.
    const byResident = { tenantId, userId: null, partnerId: null, purpose: 'Melding van een bewoner' };
    await appendAudit(s.q, [
      { ...byResident, action: 'create', objectType: 'signal', objectId: id },
      ...photos.map((a) => ({
        ...byResident,
        action: 'create' as const,
        objectType: 'attachment' as const,
        objectId: a.id,
        details: { signalId: id, contentType: a.contentType, size: a.size },
      })),
    ]);
    return { trackingCode };
  });
}
