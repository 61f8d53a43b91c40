import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Throttle, ThrottleRule } from '../throttle/throttle.js';

/**
 * Per client address: 30 responses an hour — a family or a community centre on one connection can all
 * answer, a script cannot flood a buurt — and 120 look-ups of the questions a minute.
 */
export const RESPONSE_LIMIT: ThrottleRule = { name: 'survey-response', max: 30, windowMs: 60 * 60_000 };
export const QUESTIONS_LIMIT: ThrottleRule = { name: 'survey-questions', max: 120, windowMs: 60_000 };

/** Takes a slot under `rule` for the address, or throws 429 saying when to try again. */
export async function throttleSurvey(throttle: Throttle, rule: ThrottleRule, ip: string): Promise<void> {
  await throttle.takeOrRefuse(
    'Vanaf dit adres is de enquête kort na elkaar vaak ingevuld. Probeer het later opnieuw.',
    [rule, ip],
  );
}

/** The browser of a respondent: its address, whether it answered the survey before, and how to remember that. */
export interface Respondent {
  ip: string;
  answered(publicCode: string): boolean;
  remember(publicCode: string, until: Date): void;
}

const cookieName = (publicCode: string) => `wr_survey_${publicCode.replace(/[^A-Za-z0-9]/g, '')}`;

/**
 * The respondent of a request. After a response the browser gets an HttpOnly cookie for that survey
 * (only sent to the survey's own public path, value `1`: it names nobody), so the same browser cannot
 * answer twice.
 */
export function respondentOf(request: FastifyRequest, reply: FastifyReply): Respondent {
  return {
    ip: request.ip,
    answered: (code) => request.cookies[cookieName(code)] !== undefined,
    remember: (code, until) => {
      reply.setCookie(cookieName(code), '1', {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/api/public/v1/surveys/',
        expires: until,
      });
    },
  };
}
