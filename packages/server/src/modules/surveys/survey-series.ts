import type { SurveyIndicator } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { amsterdamDate } from '../../lib/time.js';
import { type Answers, answersOf, indicatorsOf } from './indicators.js';
import { publishedSurveysOfArea } from './repository.js';

/**
 * The series of an approach indicator with source `survey`: one point per published survey that
 * covered the area (dated the day it closed, in Europe/Amsterdam), the indicator over the responses
 * from the area's buurten; no point when fewer than 10 responded there.
 */
export async function surveySeries(
  s: TenantScope,
  areaId: string,
  indicator: SurveyIndicator,
): Promise<{ date: string; value: number }[]> {
  const { surveys, responses } = await publishedSurveysOfArea(s, areaId);
  const bySurvey = new Map<string, Answers[]>();
  for (const r of responses) {
    const list = bySurvey.get(r.survey_id) ?? [];
    list.push(answersOf(r.answers));
    bySurvey.set(r.survey_id, list);
  }
  const series: { date: string; value: number }[] = [];
  for (const sv of surveys) {
    const value = indicatorsOf(bySurvey.get(sv.id) ?? [])[indicator];
    if (value !== null) series.push({ date: amsterdamDate(sv.closes_at), value });
  }
  return series;
}
