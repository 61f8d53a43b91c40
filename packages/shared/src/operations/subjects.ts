import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  createGroupSchema,
  createHouseholdSchema,
  createLocationSchema,
  createPersonSchema,
  createRelationSchema,
  endedRelationSchema,
  endRelationSchema,
  personListSchema,
  personPageSchema,
  personSchema,
  personSearchQuerySchema,
  relationSchema,
  subjectListQuerySchema,
  subjectListSchema,
  subjectPageSchema,
  subjectSchema,
  updateGroupSchema,
  updateHouseholdSchema,
  updateLocationSchema,
  updatePersonSchema,
} from '../subjects.js';

const tag = 'Betrokkenen';

/** Households, groups and locations are registered, listed and opened alike. */
const createOther = {
  method: 'POST',
  auth: 'subjects.write',
  tag,
  status: 201,
  response: subjectSchema,
  problems: [400, 401, 403],
} as const;
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
  response: subjectPageSchema,
  problems: [400, 401, 403, 404],
} as const;
/**
 * Changing a subject: besides the role, the caller's organisation needs write access to `basis`
 * (names, birth dates, addresses) in the matrix, or the regisseur role (403); 404 when they cannot see it.
 */
const updateOther = {
  method: 'PATCH',
  auth: 'subjects.write',
  tag,
  params: idParams,
  response: subjectSchema,
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
    response: personPageSchema,
    problems: [400, 401, 403, 404],
  },
  updatePerson: {
    method: 'PATCH',
    path: '/api/v1/persons/:id',
    auth: 'subjects.write',
    tag,
    summary: 'Persoon wijzigen (schrijfrecht op basisgegevens); eerdere waarden blijven in de historie',
    params: idParams,
    body: updatePersonSchema,
    response: personSchema,
    problems: [400, 401, 403, 404, 409],
  },
  createHousehold: {
    ...createOther,
    path: '/api/v1/households',
    summary: 'Huishouden registreren',
    body: createHouseholdSchema,
  },
  listHouseholds: { ...listOther, path: '/api/v1/households', summary: 'Huishoudens die ik mag zien' },
  getHousehold: {
    ...getOther,
    path: '/api/v1/households/:id',
    summary: 'Huishouden met relaties en zichtbare casussen',
  },
  updateHousehold: {
    ...updateOther,
    path: '/api/v1/households/:id',
    summary: 'Huishouden wijzigen: naam, adres, contactpersoon',
    body: updateHouseholdSchema,
  },
  createGroup: {
    ...createOther,
    path: '/api/v1/groups',
    summary: 'Groep registreren',
    body: createGroupSchema,
  },
  // "Groeps" is what the document has always said (label + "s"); kept so the document does not change.
  listGroups: { ...listOther, path: '/api/v1/groups', summary: 'Groepen die ik mag zien' },
  getGroup: { ...getOther, path: '/api/v1/groups/:id', summary: 'Groep met relaties en zichtbare casussen' },
  updateGroup: {
    ...updateOther,
    path: '/api/v1/groups/:id',
    summary: 'Groep wijzigen: naam, classificatie',
    body: updateGroupSchema,
  },
  createLocation: {
    ...createOther,
    path: '/api/v1/locations',
    summary: 'Locatie registreren',
    body: createLocationSchema,
  },
  listLocations: { ...listOther, path: '/api/v1/locations', summary: 'Locaties die ik mag zien' },
  getLocation: {
    ...getOther,
    path: '/api/v1/locations/:id',
    summary: 'Locatie met relaties en zichtbare casussen',
  },
  updateLocation: {
    ...updateOther,
    path: '/api/v1/locations/:id',
    summary: 'Locatie wijzigen: naam, adres, punt',
    body: updateLocationSchema,
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
  endRelation: {
    method: 'PATCH',
    path: '/api/v1/relations/:id',
    auth: 'subjects.write',
    tag,
    summary: 'Relatie beëindigen (blijft zichtbaar als beëindigd)',
    params: idParams,
    body: endRelationSchema,
    response: endedRelationSchema,
    problems: [400, 401, 403, 404],
  },
});
