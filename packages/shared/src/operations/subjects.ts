import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  createGroupSchema,
  createHouseholdSchema,
  createLocationSchema,
  createPersonSchema,
  createRelationSchema,
  personDetailSchema,
  personListSchema,
  personSchema,
  personSearchQuerySchema,
  relationSchema,
  subjectDetailSchema,
  subjectListQuerySchema,
  subjectListSchema,
  subjectSchema,
} from '../subjects.js';

const tag = 'Betrokkenen';

/** Households, groups and locations are listed and opened alike. */
const listOther = {
  method: 'GET',
  auth: 'subjects.read',
  tag,
  query: subjectListQuerySchema,
  response: subjectListSchema,
  problems: [400, 401, 403],
} as const;
const getOther = {
  method: 'GET',
  auth: 'subjects.read',
  tag,
  params: idParams,
  response: subjectDetailSchema,
  problems: [400, 401, 403, 404],
} as const;

/** Persons, households, groups and locations, and the relations between them. */
export const subjectOperations = operations({
  createPerson: {
    method: 'POST',
    path: '/api/v1/persons',
    auth: 'subjects.write',
    tag,
    summary: 'Persoon registreren',
    body: createPersonSchema,
    status: 201,
    response: personSchema,
    problems: [400, 401, 403, 409],
  },
  findPersons: {
    method: 'GET',
    path: '/api/v1/persons',
    auth: 'subjects.read',
    tag,
    summary: 'Personen zoeken op naam (tikfouttolerant), geboortedatum of postcode',
    query: personSearchQuerySchema,
    response: personListSchema,
    problems: [400, 401, 403],
  },
  getPerson: {
    method: 'GET',
    path: '/api/v1/persons/:id',
    auth: 'subjects.read',
    tag,
    summary: 'Persoon met relaties en zichtbare casussen',
    params: idParams,
    response: personDetailSchema,
    problems: [400, 401, 403, 404],
  },
  createHousehold: {
    method: 'POST',
    path: '/api/v1/households',
    auth: 'subjects.write',
    tag,
    summary: 'Huishouden registreren',
    body: createHouseholdSchema,
    status: 201,
    response: subjectSchema,
    problems: [400, 401, 403],
  },
  listHouseholds: { ...listOther, path: '/api/v1/households', summary: 'Huishoudens die ik mag zien' },
  getHousehold: {
    ...getOther,
    path: '/api/v1/households/:id',
    summary: 'Huishouden met relaties en zichtbare casussen',
  },
  createGroup: {
    method: 'POST',
    path: '/api/v1/groups',
    auth: 'subjects.write',
    tag,
    summary: 'Groep registreren',
    body: createGroupSchema,
    status: 201,
    response: subjectSchema,
    problems: [400, 401, 403],
  },
  // "Groeps" is what the document has always said (label + "s"); kept so the document does not change.
  listGroups: { ...listOther, path: '/api/v1/groups', summary: 'Groepen die ik mag zien' },
  getGroup: { ...getOther, path: '/api/v1/groups/:id', summary: 'Groep met relaties en zichtbare casussen' },
  createLocation: {
    method: 'POST',
    path: '/api/v1/locations',
    auth: 'subjects.write',
    tag,
    summary: 'Locatie registreren',
    body: createLocationSchema,
    status: 201,
    response: subjectSchema,
    problems: [400, 401, 403],
  },
  listLocations: { ...listOther, path: '/api/v1/locations', summary: 'Locaties die ik mag zien' },
  getLocation: {
    ...getOther,
    path: '/api/v1/locations/:id',
    summary: 'Locatie met relaties en zichtbare casussen',
  },
  createRelation: {
    method: 'POST',
    path: '/api/v1/relations',
    auth: 'subjects.write',
    tag,
    summary: 'Relatie tussen betrokkenen vastleggen (lid van, ouder van, woont op, komt samen op)',
    body: createRelationSchema,
    status: 201,
    response: relationSchema,
    problems: [400, 401, 403],
  },
});
