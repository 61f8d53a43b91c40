import { caseSchema } from '../cases.js';
import { idParams } from '../contract.js';
import { operations } from '../operation.js';
import {
  assignProcessingActivitySchema,
  createProcessingActivitySchema,
  processingActivityListSchema,
  processingActivitySchema,
  updateProcessingActivitySchema,
} from '../processing.js';
import { signalSchema } from '../signals.js';

const tag = 'Privacy';

/** The register of processing activities (AVG art. 30): every staff member reads it, the admin keeps it. */
export const processingOperations = operations({
  listProcessingActivities: {
    method: 'GET',
    path: '/api/v1/processing-activities',
    auth: 'processing.read',
    tag,
    summary:
      'Het verwerkingsregister: per verwerking doel, grondslag (AVG art. 6), bewaartermijn in dagen en informatiecategorieën',
    response: processingActivityListSchema,
    problems: [401, 403],
  },
  createProcessingActivity: {
    method: 'POST',
    path: '/api/v1/processing-activities',
    auth: 'processing.write',
    tag,
    summary:
      'Verwerking toevoegen aan het register; categories zijn sleutels van informatiecategorieën (anders 400 op categories). Een standaard voor een soort casus of bron van signalen gaat over van de verwerking die hem had',
    body: createProcessingActivitySchema,
    status: 201,
    response: processingActivitySchema,
    problems: [400, 401, 403, 409],
  },
  updateProcessingActivity: {
    method: 'PATCH',
    path: '/api/v1/processing-activities/:id',
    auth: 'processing.write',
    tag,
    summary: 'Verwerking in het register wijzigen (de gegeven velden)',
    params: idParams,
    body: updateProcessingActivitySchema,
    response: processingActivitySchema,
    problems: [400, 401, 403, 404, 409],
  },
  assignCaseProcessingActivity: {
    method: 'PUT',
    path: '/api/v1/cases/:id/processing-activity',
    auth: 'processing.assign',
    tag,
    summary:
      'De verwerking uit het register waaronder de casus valt wijzigen, met een verplichte reden (in het auditlog); alleen de regisseur',
    params: idParams,
    body: assignProcessingActivitySchema,
    response: caseSchema,
    problems: [400, 401, 403, 404],
  },
  assignSignalProcessingActivity: {
    method: 'PUT',
    path: '/api/v1/signals/:id/processing-activity',
    auth: 'processing.assign',
    tag,
    summary:
      'De verwerking uit het register waaronder het signaal valt wijzigen, met een verplichte reden (in het auditlog); alleen de regisseur',
    params: idParams,
    body: assignProcessingActivitySchema,
    response: signalSchema,
    problems: [400, 401, 403, 404],
  },
});
