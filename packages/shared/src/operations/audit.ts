import { auditAnswerSchema, auditListQuerySchema, auditVerifySchema } from '../audit.js';
import { operations } from '../operation.js';

const tag = 'Audit';

/** The audit log and the check of its hash chain. */
export const auditOperations = operations({
  /** JSON, or with `format=csv` a text/csv download of the whole selection. */
  listAudit: {
    method: 'GET',
    path: '/api/v1/audit',
    auth: 'audit.read',
    tag,
    summary:
      'Auditlog, nieuwste eerst; filter op object (ook betrokken persoon), gebruiker en periode; `format=csv` voor export',
    query: auditListQuerySchema,
    response: auditAnswerSchema,
    problems: [400, 401, 403],
  },
  verifyAudit: {
    method: 'GET',
    path: '/api/v1/audit/verify',
    auth: 'audit.read',
    tag,
    summary: 'De hashketen van begin tot eind controleren',
    response: auditVerifySchema,
    problems: [401, 403],
  },
});
