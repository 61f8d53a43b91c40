import { z } from 'zod';
import { ROLES } from './roles.js';
import { userSchema } from './users.js';

export const loginSchema = z.strictObject({
  email: z.string().max(254, 'E-mailadres is te lang'),
  password: z.string().max(256, 'Wachtwoord is te lang'),
  otp: z.string().max(16).optional(),
});
export type Login = z.infer<typeof loginSchema>;

/**
 * The logged-in user. `mustEnrolTotp` (only present, and `true`, then): the user's role requires
 * tweestapsverificatie and they have not set it up; the session may only enrol (every other call is 403).
 */
export const sessionResponseSchema = z.object({
  user: userSchema,
  mustEnrolTotp: z.literal(true).optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** `GET /demo-accounts`: the accounts of the demo seed for the login page; empty outside the demo. */
export const demoAccountSchema = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  partnerName: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;
export const demoAccountsSchema = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(demoAccountSchema),
});
export type DemoAccounts = z.infer<typeof demoAccountsSchema>;

/** BIO: a session ends after 15 minutes without activity, and after 12 hours in any case. */
export const SESSION_IDLE_MS = 15 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'wijkregie_session';
