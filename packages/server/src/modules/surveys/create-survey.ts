import type { CreateSurvey, Survey } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { audit } from '../audit/record.js';
import { newPublicCode } from './public-code.js';
import { countAreas, insertSurvey, surveyRows } from './repository.js';
import { surveyView } from './survey-view.js';

/**
 * `POST /surveys` (regisseur): a survey with the standard questions for wijken or buurten of the
 * municipality (400 `areaIds` for an area it does not have), open from `opensAt` until `closesAt`.
 */
export function createSurvey(ctx: RequestContext, input: CreateSurvey): Promise<Survey> {
  return ctx.db.transaction(async (s) => {
    if ((await countAreas(s, input.areaIds)) !== new Set(input.areaIds).size) {
      throw invalidField('areaIds', 'Onbekende wijk of buurt');
    }
    const id = await insertSurvey(
      s,
      {
        publicCode: newPublicCode(),
        title: input.title,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        areaIds: input.areaIds,
      },
      ctx.userId,
    );
    await audit(s, ctx, {
      action: 'create',
      objectType: 'survey',
      objectId: id,
      details: { areaIds: input.areaIds, opensAt: input.opensAt, closesAt: input.closesAt },
    });
    const [created] = await surveyRows(s, id);
    if (!created) throw new Error('the survey just stored is gone');
    return surveyView(created);
  });
}
