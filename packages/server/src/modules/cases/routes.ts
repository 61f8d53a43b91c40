import { caseOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { addEntry } from './add-entry.js';
import { createCase } from './create-case.js';
import { getCase } from './get-case.js';
import { listCases } from './list-cases.js';
import { listEntries } from './list-entries.js';
import { updateCase } from './update-case.js';

export function caseRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Casusregie integrale wijkaanpak');
  serve(op.createCase, (c) => createCase(c.ctx, c.body));
  serve(op.listCases, (c) => listCases(c.ctx, c.query));
  serve(op.getCase, (c) => getCase(c.ctx, c.params.id));
  serve(op.updateCase, (c) => updateCase(c.ctx, c.params.id, c.body));
  serve(op.addEntry, (c) => addEntry(c.ctx, c.params.id, c.body));
  serve(op.listEntries, (c) => listEntries(c.ctx, c.params.id, c.query));
}
