import { idParams } from '../contract.js';
import { outboxListQuerySchema, outboxListSchema } from '../coordination.js';
import { operations } from '../operation.js';
import {
  createPartnerSchema,
  partnerListQuerySchema,
  partnerSchema,
  partnerWithStatusListSchema,
  partnerWithStatusSchema,
  updatePartnerSchema,
} from '../partners.js';
import {
  colleagueListSchema,
  createUserSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
  userWithStatusListSchema,
  userWithStatusSchema,
} from '../users.js';

const tag = 'Organisatie';

/** The municipality's partners and users, colleagues to choose, and the email outbox (admin). */
export const organisationOperations = operations({
  listPartners: {
    method: 'GET',
    path: '/api/v1/partners',
    auth: 'partners.read',
    tag,
    summary:
      'Partners van de gemeente, ook gedeactiveerde (`active: false`: niet meer te kiezen voor nieuw werk); op naam, of gesorteerd met `sort`',
    query: partnerListQuerySchema,
    response: partnerWithStatusListSchema,
    problems: [400, 401, 403],
  },
  createPartner: {
    method: 'POST',
    path: '/api/v1/partners',
    auth: 'partners.create',
    tag,
    summary: 'Partner toevoegen (beheerder)',
    body: createPartnerSchema,
    status: 201,
    response: partnerSchema,
    problems: [400, 401, 403, 409, 413, 415],
  },
  listUsers: {
    method: 'GET',
    path: '/api/v1/users',
    auth: 'users.read',
    tag,
    summary:
      'Gebruikers van de gemeente, ook gedeactiveerde (`active: false`); op naam, of gesorteerd met `sort`',
    query: userListQuerySchema,
    response: userWithStatusListSchema,
    problems: [400, 401, 403],
  },
  createUser: {
    method: 'POST',
    path: '/api/v1/users',
    auth: 'users.create',
    tag,
    summary: 'Gebruiker toevoegen (beheerder)',
    body: createUserSchema,
    status: 201,
    response: userSchema,
    problems: [400, 401, 403, 409, 413, 415],
  },
  updatePartner: {
    method: 'PATCH',
    path: '/api/v1/partners/:id',
    auth: 'partners.create',
    tag,
    summary:
      'Partner wijzigen of (de)activeren (beheerder); deactiveren beëindigt de sessies van haar gebruikers direct',
    params: idParams,
    body: updatePartnerSchema,
    response: partnerWithStatusSchema,
    problems: [400, 401, 403, 404, 409, 413, 415],
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/v1/users/:id',
    auth: 'users.create',
    tag,
    summary: 'Gebruiker wijzigen of (de)activeren (beheerder); deactiveren beëindigt de sessies direct',
    params: idParams,
    body: updateUserSchema,
    response: userWithStatusSchema,
    problems: [400, 401, 403, 404, 409, 413, 415],
  },
  listColleagues: {
    method: 'GET',
    path: '/api/v1/colleagues',
    auth: 'cases.read',
    tag,
    summary: 'Actieve medewerkers (naam en organisatie) om een voorzitter of uitvoerder te kiezen',
    response: colleagueListSchema,
    problems: [401, 403],
  },
  listOutbox: {
    method: 'GET',
    path: '/api/v1/outbox',
    auth: 'outbox.read',
    tag,
    summary: 'Uitgaande e-mail (beheerder): verzonden, wachtend en mislukt',
    query: outboxListQuerySchema,
    response: outboxListSchema,
    problems: [400, 401, 403],
  },
});
