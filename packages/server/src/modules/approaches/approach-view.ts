import { type Approach, type Indicator, SURVEY_INDICATORS, type SurveyIndicator } from '@wijkregie/shared';
import type { Viewer } from '../../access/viewer.js';
import type { TenantScope } from '../../db/scope.js';
import { notFound } from '../../http/errors.js';
import { amsterdamDate } from '../../lib/time.js';
import { surveySeries } from '../surveys/survey-series.js';
import {
  type ApproachRow,
  findApproach,
  type IndicatorRow,
  incidentsPerMonth,
  indicatorRows,
  linksOf,
} from './repository.js';

/**
 * How far a value is on the way from baseline to target: 0 at (or behind) the baseline, 1 at (or past)
 * the target. The same formula serves both directions: for `down` both differences are negative.
 */
export function progressOf(baseline: number, target: number, value: number | null): number | null {
  if (value === null || target === baseline) return null;
  const share = (value - baseline) / (target - baseline);
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 1000;
}

/** The stored survey indicator as one of the survey's keys (anything else, never written since 026: none). */
function surveyIndicatorOf(stored: string | null): SurveyIndicator | null {
  return SURVEY_INDICATORS.find((k) => k === stored) ?? null;
}

/** `YYYY-MM-01` of the month `months` after the month of `date`. */
function monthStart(date: string, months = 0): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}

/**
 * The series of an indicator. By hand: its measurements. From incidents: the count of each complete
 * month from the approach's start (the current month is not over, so not yet a value) up to its end.
 * From the survey: one value per published survey of the area (`surveySeries`).
 */
async function seriesOf(s: TenantScope, a: ApproachRow, i: IndicatorRow): Promise<Indicator['series']> {
  if (i.source === 'manual') return i.measurements;
  if (i.source === 'survey') {
    const key = surveyIndicatorOf(i.survey_indicator);
    return key ? surveySeries(s, a.area_id, key) : [];
  }
  if (i.source !== 'incidents' || !i.incident_category) return [];
  const from = monthStart(a.start_date);
  const thisMonth = monthStart(amsterdamDate());
  const afterEnd = a.end_date ? monthStart(a.end_date, 1) : thisMonth;
  const before = afterEnd < thisMonth ? afterEnd : thisMonth;
  if (before <= from) return [];
  const counts = new Map(
    (await incidentsPerMonth(s, a.area_id, i.incident_category, from, before)).map((r) => [r.month, r.n]),
  );
  const series: Indicator['series'] = [];
  for (let month = from; month < before; month = monthStart(month, 1)) {
    series.push({ date: month, value: counts.get(month.slice(0, 7)) ?? 0 });
  }
  return series;
}

export async function indicatorView(s: TenantScope, a: ApproachRow, i: IndicatorRow): Promise<Indicator> {
  const series = await seriesOf(s, a, i);
  const latest = series.at(-1)?.value ?? null;
  return {
    id: i.id,
    approachId: i.approach_id,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    direction: i.direction,
    source: i.source,
    incidentCategory: i.incident_category,
    surveyIndicator: surveyIndicatorOf(i.survey_indicator),
    series,
    latest,
    progress: progressOf(i.baseline, i.target, latest),
  };
}

const NO_LINKS: Approach['links'] = { cases: [], signals: [], meetings: [] };

/**
 * The approach as the API answers it, or 404. Its links are those `viewer` may open; without a viewer
 * (the neighbourhood report, which shows none) there are none.
 */
export async function approachView(s: TenantScope, id: string, viewer?: Viewer): Promise<Approach> {
  const a = await findApproach(s, id);
  if (!a) throw notFound('Deze wijkaanpak bestaat niet.');
  const indicators = [];
  for (const i of await indicatorRows(s, { approachId: id })) indicators.push(await indicatorView(s, a, i));
  const links = viewer ? await linksOf(s, viewer, id) : NO_LINKS;
  return {
    id: a.id,
    areaId: a.area_id,
    areaName: a.area_name,
    title: a.title,
    jointGoal: a.joint_goal,
    startDate: a.start_date,
    endDate: a.end_date,
    coordinatorUserId: a.coordinator_user_id,
    coordinatorName: a.coordinator_name,
    partners: a.partners,
    indicators,
    links,
    createdAt: a.created_at.toISOString(),
  };
}
