import type { z } from 'zod';
import type { problemSchema } from './contract.js';

/** RFC 9457 problem details, as every error of the API is answered (schema in contract.ts). */
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = NonNullable<Problem['errors']>[number];

/** Stable problem types; the `type` member of a problem is `PROBLEM_BASE + code`. */
export const PROBLEM_BASE = 'https://wijkregie.nl/problems/';
export const ERROR_CODES = {
  validation: { status: 400, title: 'Ongeldige invoer' },
  malformed: { status: 400, title: 'Onleesbaar verzoek' },
  unauthenticated: { status: 401, title: 'Niet ingelogd' },
  /**
   * A login with the right password for an account (or organisation) that was deactivated. Still a
   * 401 like any failed login; the own type lets the login page say why. Only answered after the
   * password was checked, so it tells nothing to whoever guesses.
   */
  'account-inactive': { status: 401, title: 'Account niet actief' },
  /**
   * A right password for an account with tweestapsverificatie, without (or with a wrong) code from the
   * authenticator app or a recovery code; the error names the field `otp`, so the login page asks for it.
   */
  'otp-required': { status: 401, title: 'Code voor tweestapsverificatie nodig' },
  forbidden: { status: 403, title: 'Geen toegang' },
  /** A session of a role that must use tweestapsverificatie, before the user set it up: it may only enrol. */
  'mfa-enrolment-required': { status: 403, title: 'Tweestapsverificatie instellen' },
  'cross-site': { status: 403, title: 'Verzoek van een andere site geweigerd' },
  'not-found': { status: 404, title: 'Niet gevonden' },
  'method-not-allowed': { status: 405, title: 'Methode niet toegestaan' },
  conflict: { status: 409, title: 'Conflict' },
  /** A survey response before the survey opened, after it closed, or a second one from the same browser. */
  'survey-not-open': { status: 409, title: 'Enquête nog niet geopend' },
  'survey-closed': { status: 409, title: 'Enquête gesloten' },
  'survey-answered': { status: 409, title: 'Enquête al ingevuld' },
  'payload-too-large': { status: 413, title: 'Verzoek te groot' },
  'unsupported-media-type': { status: 415, title: 'Niet ondersteund inhoudstype' },
  'too-many-requests': { status: 429, title: 'Te veel pogingen' },
  internal: { status: 500, title: 'Interne fout' },
  unavailable: { status: 503, title: 'Tijdelijk niet beschikbaar' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
