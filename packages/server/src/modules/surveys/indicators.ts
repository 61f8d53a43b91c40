import {
  COHESION_KEYS,
  EFFICACY_KEYS,
  REVERSED_COHESION_KEYS,
  SURVEY_MIN_RESPONSES,
  type SurveyIndicators,
} from '@wijkregie/shared';
import { z } from 'zod';

/*
 * The indicators of a set of responses (a buurt, or the whole survey). Each is computed over the
 * responses that answered its questions (all of them, since every standard question is required) and
 * rounded to one decimal. Under SURVEY_MIN_RESPONSES responses every indicator is null; `n` stays.
 */

const answersShape = z.record(z.string(), z.union([z.string(), z.number()]));
export type Answers = z.output<typeof answersShape>;

/** The stored answers of a response (jsonb), checked. */
export const answersOf = (stored: unknown): Answers => answersShape.parse(stored);

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pct = (hits: number, of: number) => (of ? round1((100 * hits) / of) : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A 1–5 scale averaged over `keys` (reversing `reversed`) and scaled to 0–10; null if one is missing. */
function scaleScore(a: Answers, keys: readonly string[], reversed: readonly string[] = []): number | null {
  const values: number[] = [];
  for (const k of keys) {
    const v = num(a[k]);
    if (v === null) return null;
    values.push(reversed.includes(k) ? 6 - v : v);
  }
  const m = mean(values);
  return m === null ? null : ((m - 1) / 4) * 10;
}

/** The six indicators over `responses`, null when fewer than SURVEY_MIN_RESPONSES. */
export function indicatorsOf(responses: readonly Answers[]): SurveyIndicators {
  const n = responses.length;
  if (n < SURVEY_MIN_RESPONSES) {
    return {
      n,
      unsafeSometimesPct: null,
      safetyMark: null,
      liveabilityMark: null,
      cohesionScore: null,
      efficacyScore: null,
      willingToActPct: null,
    };
  }
  const answered = (k: string) => responses.filter((r) => r[k] !== undefined);
  const unsafe = answered('unsafeFeeling');
  const willing = answered('willingToAct');
  const marks = (k: string) => {
    const m = mean(responses.map((r) => num(r[k])).filter((v): v is number => v !== null));
    return m === null ? null : round1(m);
  };
  const scores = (f: (a: Answers) => number | null) => {
    const m = mean(responses.map(f).filter((v): v is number => v !== null));
    return m === null ? null : round1(m);
  };
  return {
    n,
    unsafeSometimesPct: pct(
      unsafe.filter((r) => r.unsafeFeeling === 'sometimes' || r.unsafeFeeling === 'often').length,
      unsafe.length,
    ),
    safetyMark: marks('safetyMark'),
    liveabilityMark: marks('liveabilityMark'),
    cohesionScore: scores((a) => scaleScore(a, COHESION_KEYS, REVERSED_COHESION_KEYS)),
    efficacyScore: scores((a) => scaleScore(a, EFFICACY_KEYS)),
    willingToActPct: pct(willing.filter((r) => r.willingToAct === 'yes').length, willing.length),
  };
}
