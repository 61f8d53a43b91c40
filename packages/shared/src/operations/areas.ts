import { areaListSchema } from '../areas.js';
import { operations } from '../operation.js';

/** The municipality's wijken and buurten. */
export const areaOperations = operations({
  listAreas: {
    method: 'GET',
    path: '/api/v1/areas',
    auth: 'areas.read',
    tag: 'Gebieden',
    summary: 'Wijken en buurten met hun GeoJSON-geometrie',
    response: areaListSchema,
    problems: [401, 403],
  },
});
