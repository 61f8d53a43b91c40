import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  createSocialMapEntrySchema,
  socialMapEntrySchema,
  socialMapQuerySchema,
  socialMapSchema,
  updateSocialMapEntrySchema,
} from '../social-map.js';

const tag = 'Sociale kaart';

/** The sociale kaart: who works in a wijk or buurt, and how and when to reach them. */
export const socialMapOperations = operations({
  listSocialMap: {
    method: 'GET',
    path: '/api/v1/social-map',
    auth: 'session',
    tag,
    summary: 'De sociale kaart: wie werkt er in een wijk of buurt (met haar wijk of buurten)',
    query: socialMapQuerySchema,
    response: socialMapSchema,
    problems: [400, 401, 404],
  },
  createSocialMapEntry: {
    method: 'POST',
    path: '/api/v1/social-map',
    auth: 'socialmap.write',
    tag,
    summary: 'Een professional op de sociale kaart zetten (van de eigen organisatie; de regisseur: van elke)',
    body: createSocialMapEntrySchema,
    status: 201,
    response: socialMapEntrySchema,
    problems: [400, 401, 403],
  },
  updateSocialMapEntry: {
    method: 'PATCH',
    path: '/api/v1/social-map/:id',
    auth: 'socialmap.write',
    tag,
    summary: 'Een professional op de sociale kaart bijwerken',
    params: idParams,
    body: updateSocialMapEntrySchema,
    response: socialMapEntrySchema,
    problems: [400, 401, 403, 404],
  },
  deleteSocialMapEntry: {
    method: 'DELETE',
    path: '/api/v1/social-map/:id',
    auth: 'socialmap.write',
    tag,
    summary: 'Een professional van de sociale kaart halen',
    params: idParams,
    status: 204,
    problems: [400, 401, 403, 404],
  },
});
