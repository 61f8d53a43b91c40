import { residentGroupOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import type { SystemDb } from '../../db/scope.js';
import { routesFor } from '../../http/serve.js';
import { type PublicDeps, Throttle } from '../throttle/throttle.js';
import { addGroupMember } from './add-group-member.js';
import { createGroupReport } from './create-group-report.js';
import { createResidentGroup } from './create-resident-group.js';
import { getHowToReport, getPublicHowToReport } from './get-how-to-report.js';
import { getResidentGroup, listResidentGroups } from './get-resident-group.js';
import { listGroupReports } from './list-group-reports.js';
import { removeGroupMember } from './remove-group-member.js';
import { updateHowToReport } from './update-how-to-report.js';

/** Resident groups with their members and reports, and the municipality's "what and how to report". */
export function residentGroupRoutes(app: FastifyInstance, system: SystemDb) {
  const serve = routesFor(app);
  const deps: PublicDeps = { system, throttle: new Throttle(system.db) };
  serve(op.createResidentGroup, (c) => createResidentGroup(c.ctx, c.body));
  serve(op.listResidentGroups, (c) => listResidentGroups(c.ctx, c.query.areaId));
  serve(op.getResidentGroup, (c) => getResidentGroup(c.ctx, c.params.id));
  serve(op.addGroupMember, (c) => addGroupMember(c.ctx, c.params.id, c.body));
  serve(op.removeGroupMember, (c) => removeGroupMember(c.ctx, c.params));
  serve(op.createGroupReport, (c) => createGroupReport(c.ctx, c.params.id, c.body));
  serve(op.listGroupReports, (c) => listGroupReports(c.ctx, c.params.id));
  serve(op.getPublicHowToReport, (c) => getPublicHowToReport(deps, c.query.gemeente));
  serve(op.getHowToReport, (c) => getHowToReport(c.ctx));
  serve(op.updateHowToReport, (c) => updateHowToReport(c.ctx, c.body));
}
