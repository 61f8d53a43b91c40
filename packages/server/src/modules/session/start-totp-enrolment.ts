import type { TotpEnrolment } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict } from '../../http/errors.js';
import {
  encryptSecret,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  qrSvg,
  recoveryCodeHash,
} from './totp.js';
import { savePendingTotp } from './totp-repository.js';

/**
 * `POST /session/totp`: a new pending enrolment for the logged-in user — a fresh secret (stored
 * encrypted, shown only now, in the otpauth URL and its QR code) and ten recovery codes (stored
 * hashed, shown only now, valid once the enrolment is confirmed). Starting again replaces a pending
 * enrolment; a confirmed one must first be reset by the admin (409).
 */
export async function startTotpEnrolment(ctx: RequestContext): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const url = otpauthUrl(secret, ctx.user.email);
  const saved = await ctx.db.transaction((s) =>
    savePendingTotp(
      s.q,
      s.tenantId,
      ctx.userId,
      encryptSecret(s.q.auditKey, secret),
      recoveryCodes.map((c) => recoveryCodeHash(ctx.userId, c)),
    ),
  );
  if (!saved) {
    throw conflict(
      'Tweestapsverificatie is al ingesteld. Kwijt of nieuw toestel? Vraag de functioneel beheerder om een reset.',
    );
  }
  return { otpauthUrl: url, qrSvg: await qrSvg(url), recoveryCodes };
}
