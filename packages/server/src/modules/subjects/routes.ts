import { subjectOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { createGroup } from './create-group.js';
import { createHousehold } from './create-household.js';
import { createLocation } from './create-location.js';
import { createPerson } from './create-person.js';
import { createRelation } from './create-relation.js';
import { endRelation } from './end-relation.js';
import { findPersons } from './find-persons.js';
import { getPerson } from './get-person.js';
import { getSubject } from './get-subject.js';
import { listSubjects } from './list-subjects.js';
import { updateGroup } from './update-group.js';
import { updateHousehold } from './update-household.js';
import { updateLocation } from './update-location.js';
import { updatePerson } from './update-person.js';

/** Persons, households, groups and locations, and the relations between them. */
export function subjectRoutes(app: FastifyInstance) {
  const serve = routesFor(app, 'Registratie betrokkenen wijkaanpak');

  serve(op.createPerson, (c) => createPerson(c.ctx, c.body));
  serve(op.findPersons, (c) => findPersons(c.ctx, c.query));
  serve(op.getPerson, (c) => getPerson(c.ctx, c.params.id));
  serve(op.updatePerson, (c) => updatePerson(c.ctx, c.params.id, c.body));

  // Households, groups and locations are listed and opened alike.
  serve(op.createHousehold, (c) => createHousehold(c.ctx, c.body));
  serve(op.listHouseholds, (c) => listSubjects(c.ctx, 'household', c.query));
  serve(op.getHousehold, (c) => getSubject(c.ctx, 'household', c.params.id));
  serve(op.updateHousehold, (c) => updateHousehold(c.ctx, c.params.id, c.body));
  serve(op.createGroup, (c) => createGroup(c.ctx, c.body));
  serve(op.listGroups, (c) => listSubjects(c.ctx, 'group', c.query));
  serve(op.getGroup, (c) => getSubject(c.ctx, 'group', c.params.id));
  serve(op.updateGroup, (c) => updateGroup(c.ctx, c.params.id, c.body));
  serve(op.createLocation, (c) => createLocation(c.ctx, c.body));
  serve(op.listLocations, (c) => listSubjects(c.ctx, 'location', c.query));
  serve(op.getLocation, (c) => getSubject(c.ctx, 'location', c.params.id));
  serve(op.updateLocation, (c) => updateLocation(c.ctx, c.params.id, c.body));

  serve(op.createRelation, (c) => createRelation(c.ctx, c.body));
  serve(op.endRelation, (c) => endRelation(c.ctx, c.params.id, c.body));
}
