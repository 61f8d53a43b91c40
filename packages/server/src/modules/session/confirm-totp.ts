import type { TotpConfirm } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { conflict, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { endEnrolOnly, forgetSessions } from './repository.js';
import { acceptedTimeStep, decryptSecret } from './totp.js';
import { confirmTotpRow, findTotp } from './totp-repository.js';

/**
 * `POST /session/totp/confirm`: the first code from the app proves it holds the secret; from now on
 * the user logs in with a code. A session that could only enrol may now do everything. Audited.
 */
export async function confirmTotp(ctx: RequestContext, input: TotpConfirm): Promise<void> {
  await ctx.db.transaction(async (s) => {
    const totp = await findTotp(s.q, s.tenantId, ctx.userId);
    if (!totp || totp.confirmed) {
      throw conflict('Er is geen instelling van tweestapsverificatie bezig. Begin opnieuw.');
    }
    const step = await acceptedTimeStep(decryptSecret(s.q.auditKey, totp.secretEncrypted), input.code, null);
    if (step === undefined || !(await confirmTotpRow(s.q, s.tenantId, ctx.userId, step))) {
      throw invalidField('code', 'Deze code klopt niet. Vul de code in die de app nu toont.');
    }
    await endEnrolOnly(s.q, ctx.sessionId);
    await audit(s, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: ctx.userId,
      details: { totp: 'enabled' },
    });
  });
  forgetSessions([ctx.sessionId]);
}
