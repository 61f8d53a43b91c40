import type { CreateUser, User } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { fieldConflict, invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { hashPassword } from '../session/passwords.js';
import { emailTaken, findPartner, insertUser } from './repository.js';

export async function createUser(ctx: RequestContext, input: CreateUser): Promise<User> {
  // Hash outside the transaction: it takes tens of milliseconds and needs no database.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (s) => {
    const partner = await findPartner(s, input.partnerId);
    if (!partner) throw invalidField('partnerId', 'Onbekende partner');
    // A deactivated partner takes no new work, and no new colleagues either.
    if (!partner.active) throw invalidField('partnerId', 'Deze partner is gedeactiveerd');
    if (await emailTaken(s, input.email)) {
      throw fieldConflict('email', 'Dit e-mailadres is al in gebruik');
    }
    const user = await insertUser(s, { ...input, passwordHash });
    // The id and the roles; the email and name stay in the users table.
    await audit(s, ctx, {
      action: 'create',
      objectType: 'user',
      objectId: user.id,
      details: { roles: user.roles },
    });
    return user;
  });
}
