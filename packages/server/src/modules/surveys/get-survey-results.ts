import { SURVEY_MIN_RESPONSES, type SurveyResults, WILLING_TO_ACT_RULE_PCT } from '@wijkregie/shared';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { type Answers, answersOf, indicatorsOf } from './indicators.js';
import { previousSurveys, responsesOf, surveyBuurten, surveyRows } from './repository.js';

/**
 * `GET /surveys/:id/results` (any logged-in user): aggregates only — per buurt of the survey and in
 * total, each with its number of responses and its indicators (null under 10 responses), and per buurt
 * the same figures from the last earlier survey that covered it.
 */
export async function getSurveyResults(ctx: RequestContext, id: string): Promise<SurveyResults> {
  const s = ctx.db.read;
  const [survey] = await surveyRows(s, id);
  if (!survey) throw notFound('Deze enquête bestaat niet.');
  const buurten = await surveyBuurten(s, id);
  const previous = await previousSurveys(s, id);
  const previousIds = [...new Set(previous.map((p) => p.id))];
  const responses = await responsesOf(s, [id, ...previousIds]);
  const grouped = new Map<string, Answers[]>();
  const all: Answers[] = [];
  for (const r of responses) {
    const answers = answersOf(r.answers);
    if (r.survey_id === id) all.push(answers);
    if (r.buurt_id === null) continue;
    const key = `${r.survey_id}/${r.buurt_id}`;
    const list = grouped.get(key) ?? [];
    list.push(answers);
    grouped.set(key, list);
  }
  const previousOf = new Map(previous.map((p) => [p.buurt_id, p]));
  return {
    surveyId: id,
    title: survey.title,
    status: survey.status,
    closesAt: survey.closes_at.toISOString(),
    minResponses: SURVEY_MIN_RESPONSES,
    willingToActRulePct: WILLING_TO_ACT_RULE_PCT,
    total: indicatorsOf(all),
    buurten: buurten.map((b) => {
      const p = previousOf.get(b.id);
      return {
        id: b.id,
        name: b.name,
        ...indicatorsOf(grouped.get(`${id}/${b.id}`) ?? []),
        previous: p
          ? {
              surveyId: p.id,
              title: p.title,
              closesAt: p.closes_at.toISOString(),
              ...indicatorsOf(grouped.get(`${p.id}/${b.id}`) ?? []),
            }
          : null,
      };
    }),
  };
}
