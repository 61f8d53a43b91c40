import type { SurveyResponse, SurveyResponseReceipt } from '@wijkregie/shared';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { appendAudit } from '../audit/repository.js';
import type { PublicDeps } from '../throttle/throttle.js';
import {
  buurtOfPostalCode,
  insertContact,
  insertResponse,
  surveyBuurten,
  surveyByCode,
} from './repository.js';
import { RESPONSE_LIMIT, type Respondent, throttleSurvey } from './survey-access.js';

const THANKS = 'Bedankt voor het invullen van de enquête!';
/** How long the browser remembers it answered: well past any survey's closing. */
const REMEMBER_DAYS = 400;

/**
 * `POST /api/public/v1/surveys/:publicCode/responses` (no login): stores the answers with the buurt the
 * resident chose (400 `buurtId` for one outside the survey), or the buurt of the postal code when the
 * municipality knows it, or no buurt (then it counts only in the total). Refused before opening and
 * after closing (409), and a second time from the same browser (409, by its cookie). At most 30 an hour
 * per address (429). An email of who wants to help goes to a table of its own, with no link to the
 * answers. A filled honeypot gets a receipt and stores nothing.
 */
export async function createSurveyResponse(
  deps: PublicDeps,
  respondent: Respondent,
  rawCode: string,
  input: SurveyResponse,
): Promise<SurveyResponseReceipt> {
  await throttleSurvey(deps.throttle, RESPONSE_LIMIT, respondent.ip);
  const code = rawCode.toUpperCase();
  const survey = await surveyByCode(deps.system.db, code);
  if (!survey) throw notFound('Er is geen enquête met deze code.');
  if (survey.status === 'planned') {
    throw new AppError('survey-not-open', 'Deze enquête is nog niet geopend. Probeer het later opnieuw.');
  }
  if (survey.status === 'closed') {
    throw new AppError('survey-closed', 'Deze enquête is gesloten. Bedankt voor uw belangstelling.');
  }
  if (respondent.answered(code)) {
    throw new AppError('survey-answered', 'U heeft deze enquête al ingevuld. Bedankt!');
  }
  if (input.website) return { received: true, message: THANKS };
  await deps.system.forTenant(survey.tenant_id).transaction(async (s) => {
    const buurten = new Set((await surveyBuurten(s, survey.id)).map((b) => b.id));
    let buurtId: string | null = null;
    if (input.buurtId !== undefined) {
      if (!buurten.has(input.buurtId)) throw invalidField('buurtId', 'Kies een buurt uit de lijst');
      buurtId = input.buurtId;
    } else if (input.postalCode !== undefined) {
      const found = await buurtOfPostalCode(s, input.postalCode);
      buurtId = found && buurten.has(found) ? found : null;
    }
    await insertResponse(s, survey.id, buurtId, input.answers);
    if (input.contactEmail !== undefined) {
      // The email is personal data: its storing is audited, without the response (which stays anonymous).
      const contactId = await insertContact(s, survey.id, input.contactEmail.toLowerCase());
      await appendAudit(s.q, [
        {
          tenantId: survey.tenant_id,
          userId: null,
          partnerId: null,
          purpose: 'Bewonersenquête: contact om mee te doen',
          action: 'create',
          objectType: 'survey_contact',
          objectId: contactId,
          details: { surveyId: survey.id },
        },
      ]);
    }
  });
  respondent.remember(code, new Date(Date.now() + REMEMBER_DAYS * 86_400_000));
  return { received: true, message: THANKS };
}
