import { attachmentContentSchema } from '../attachments.js';
import { idParams } from '../contract.js';
import { operations } from '../operation.js';

/**
 * The files of journal entries and signals. They are sent with the entry or signal (multipart/form-data
 * on its own operation); here one is fetched, under the rules of what it belongs to.
 */
export const attachmentOperations = operations({
  getAttachment: {
    method: 'GET',
    path: '/api/v1/attachments/:id',
    auth: 'session',
    tag: 'Bijlagen',
    summary:
      'Bijlage ophalen: onder de matrix van de categorie van de notitie, of wie het signaal ziet (anders 404)',
    params: idParams,
    response: attachmentContentSchema,
    problems: [400, 401, 404],
  },
});
