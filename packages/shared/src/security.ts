import { z } from 'zod';
import { ROLES } from './roles.js';

/**
 * Tweestapsverificatie (TOTP, RFC 6238: 30 s, 6 digits, SHA-1 — what every authenticator app reads)
 * and the user's own sessions (Wijkregie issue 15, points 5 and 7).
 */

/** How many one-time recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * `POST /session/totp`: a pending enrolment. The secret is in `otpauthUrl` (for manual entry) and in the
 * QR code; it is never shown again. The recovery codes become valid when the enrolment is confirmed.
 */
export const totpEnrolmentSchema = z.object({
  otpauthUrl: z.string(),
  qrSvg: z.string(),
  recoveryCodes: z.array(z.string()),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

/** `GET /session/totp`: whether the logged-in user has tweestapsverificatie, and recovery codes left. */
export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

export const totpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Vul de 6 cijfers uit je authenticator-app in'),
});
export type TotpConfirm = z.infer<typeof totpConfirmSchema>;

/** One of the user's own live sessions (never its token). */
export const ownSessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The browser's User-Agent at login (shortened), or null. */
  userAgent: z.string().nullable(),
  /** The session of this request. */
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof ownSessionSchema>;
export const ownSessionListSchema = z.object({ items: z.array(ownSessionSchema) });
export type OwnSessionList = z.infer<typeof ownSessionListSchema>;

/** `GET`/`PUT /settings/security`: the roles whose users must log in with tweestapsverificatie. */
export const securitySettingsSchema = z.strictObject({
  mfaRequiredRoles: z
    .array(z.enum(ROLES, { error: 'Onbekende rol' }))
    .max(ROLES.length)
    .refine((r) => new Set(r).size === r.length, 'Noem elke rol één keer'),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
