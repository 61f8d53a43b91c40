import { organisationOperations as op, securityOperations as sec } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createPartner } from './create-partner.js';
import { createUser } from './create-user.js';
import { listColleagues } from './list-colleagues.js';
import { listOutbox } from './list-outbox.js';
import { listPartners } from './list-partners.js';
import { listUsers } from './list-users.js';
import { resetUserTotp } from './reset-user-totp.js';
import { updatePartner } from './update-partner.js';
import { updateUser } from './update-user.js';

export function organisationRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  serve(op.listPartners, (c) => listPartners(c.ctx, c.query));
  serve(op.createPartner, (c) => createPartner(c.ctx, c.body));
  serve(op.listUsers, (c) => listUsers(c.ctx, c.query));
  serve(op.createUser, (c) => createUser(c.ctx, c.body));
  serve(op.updatePartner, (c) => updatePartner(c.ctx, c.params.id, c.body));
  serve(op.updateUser, (c) => updateUser(c.ctx, c.params.id, c.body));
  serve(op.listColleagues, (c) => listColleagues(c.ctx));
  serve(op.listOutbox, (c) => listOutbox(c.ctx, c.query));
  serve(sec.resetUserTotp, (c) => resetUserTotp(c.ctx, c.params.id));
}
