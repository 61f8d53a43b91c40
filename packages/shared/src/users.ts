import { z } from 'zod';
import { collection, emailField, patchBody } from './contract.js';
import { updatePartnerSchema } from './partners.js';
import { ROLES } from './roles.js';
import { sortQuery, USER_SORT_FIELDS } from './sorting.js';

export const PASSWORD_MIN_LENGTH = 12;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  partnerId: z.uuid(),
  roles: z.array(z.enum(ROLES)),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = collection(userSchema);
export type UserList = z.infer<typeof userListSchema>;

/** An active staff member doing case work, to choose as a chair or an assignee (no email). */
export const colleagueSchema = z.object({ id: z.uuid(), name: z.string(), partnerId: z.uuid() });
export type Colleague = z.infer<typeof colleagueSchema>;
export const colleagueListSchema = collection(colleagueSchema);
export type ColleagueList = z.infer<typeof colleagueListSchema>;

export const emailSchema = emailField('E-mailadres is te lang');

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens hebben`)
  .max(256, 'Wachtwoord is te lang (max. 256 tekens)');

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, 'Naam is verplicht').max(200, 'Naam is te lang (max. 200 tekens)'),
  password: passwordSchema,
  partnerId: z.uuid({ error: 'Geen geldige partner' }),
  roles: z
    .array(z.enum(ROLES, { error: 'Onbekende rol' }))
    .min(1, 'Kies minstens één rol')
    .refine((r) => new Set(r).size === r.length, 'Een rol staat er dubbel in'),
});
export type CreateUser = z.infer<typeof createUserSchema>;

/**
 * A user as the organisation's lists show them: with whether they may still log in. A deactivated
 * user stays listed (their name stays on what they did) and can be activated again.
 */
export const userWithStatusSchema = userSchema.extend({ active: z.boolean() });
export type UserWithStatus = z.infer<typeof userWithStatusSchema>;
export const userWithStatusListSchema = collection(userWithStatusSchema);
export type UserWithStatusList = z.infer<typeof userWithStatusListSchema>;
/** `GET /users?sort=&order=`. */
export const userListQuerySchema = z.strictObject(sortQuery(USER_SORT_FIELDS));
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** `PATCH /users/:id` (admin): `active: false` ends the user's sessions at once. */
export const updateUserSchema = patchBody({
  name: createUserSchema.shape.name.optional(),
  roles: createUserSchema.shape.roles.optional(),
  partnerId: createUserSchema.shape.partnerId.optional(),
  /** The same switch as a partner's. */
  active: updatePartnerSchema.shape.active,
});
export type UpdateUser = z.infer<typeof updateUserSchema>;
