import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contactsOf, surveyExists } from './repository.js';

/**
 * `GET /surveys/:id/contacts` (regisseur): the emails residents left to help the buurt, sorted — they
 * lead to no response. Reading them is personal data, so it is audited.
 */
export async function listSurveyContacts(
  ctx: RequestContext,
  id: string,
): Promise<{ items: { email: string }[] }> {
  const s = ctx.db.read;
  if (!(await surveyExists(s, id))) throw notFound('Deze enquête bestaat niet.');
  const items = await contactsOf(s, id);
  await ctx.auditRead([
    { action: 'list', objectType: 'survey_contact', objectId: id, details: { count: items.length } },
  ]);
  return { items };
}
