import {
  categoryListSchema,
  categorySchema,
  createCategorySchema,
  matrixSchema,
  myAccessSchema,
  putMatrixSchema,
} from '../matrix.js';
import { operations } from '../operation.js';

const tag = 'Autorisatie';

/** The information categories and the authorisation matrix (partner × category → access). */
export const matrixOperations = operations({
  getCategories: {
    method: 'GET',
    path: '/api/v1/categories',
    auth: 'categories.read',
    tag,
    summary: 'Informatiecategorieën',
    response: categoryListSchema,
    problems: [401, 403],
  },
  createCategory: {
    method: 'POST',
    path: '/api/v1/categories',
    auth: 'categories.create',
    tag,
    summary: 'Categorie toevoegen (regisseur, beheerder)',
    body: createCategorySchema,
    status: 201,
    response: categorySchema,
    problems: [400, 401, 403, 409],
  },
  getMatrix: {
    method: 'GET',
    path: '/api/v1/access-matrix',
    auth: 'matrix.read',
    tag,
    summary: 'De autorisatiematrix: partner × categorie → none | read | write',
    response: matrixSchema,
    problems: [401, 403],
  },
  putMatrix: {
    method: 'PUT',
    path: '/api/v1/access-matrix',
    auth: 'matrix.write',
    tag,
    summary: 'Cellen van de matrix zetten (alleen de gegeven cellen veranderen)',
    body: putMatrixSchema,
    response: matrixSchema,
    problems: [400, 401, 403],
  },
  getMyAccess: {
    method: 'GET',
    path: '/api/v1/access-matrix/mine',
    auth: 'session',
    tag,
    summary: 'De rij van de eigen partner: wat mag ik lezen en schrijven?',
    response: myAccessSchema,
    problems: [401],
  },
});
