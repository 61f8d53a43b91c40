import { operations } from '../operation.js';
import { retentionRunSchema, retentionStatusSchema } from '../retention.js';

const tag = 'Privacy';

/** Retention and anonymisation (AVG art. 5 lid 1 sub e): the admin sees what is due and runs the job. */
export const retentionOperations = operations({
  getRetentionStatus: {
    method: 'GET',
    path: '/api/v1/admin/retention',
    auth: 'retention.manage',
    tag,
    summary:
      'Bewaartermijnen: per verwerking hoeveel gesloten casussen en signalen over hun bewaartermijn zijn en wanneer de volgende vervalt, en hoeveel personen',
    response: retentionStatusSchema,
    problems: [401, 403],
  },
  runRetention: {
    method: 'POST',
    path: '/api/v1/admin/retention/run',
    auth: 'retention.manage',
    tag,
    summary:
      'De taak van de bewaartermijnen nu uitvoeren voor de eigen gemeente (dezelfde als volgens het schema): anonimiseert casussen, signalen en personen die aan de beurt zijn',
    response: retentionRunSchema,
    problems: [401, 403],
  },
});
