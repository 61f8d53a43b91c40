import { z } from 'zod';

/**
 * Staff login through the municipality's OpenID Connect provider (`OIDC_ISSUER`): whether it is
 * configured (the login page shows "Inloggen via de gemeente" only then).
 */
export const oidcStatusSchema = z.object({ enabled: z.boolean() });
export type OidcStatus = z.infer<typeof oidcStatusSchema>;

/** The path the provider sends the browser back to, after `WIJKREGIE_PUBLIC_URL`. */
export const OIDC_CALLBACK_PATH = '/api/v1/session/oidc/callback';

/**
 * Why a login through the provider was refused: the callback redirects to `/login?fout=<code>` and the
 * login page shows the message. No account is ever created by such a login.
 */
export const OIDC_LOGIN_ERRORS = {
  onbekend:
    'Er is geen Wijkregie-account met het e-mailadres dat de gemeente doorgaf. Vraag de functioneel beheerder van Wijkregie in jouw gemeente om een account.',
  onbevestigd:
    'De gemeente heeft niet bevestigd dat het e-mailadres van jouw account klopt. Daarom kun je zo niet inloggen; neem contact op met de servicedesk van de gemeente.',
  inactief: 'Je account is niet meer actief. Neem contact op met de functioneel beheerder van je gemeente.',
  mislukt: 'Inloggen via de gemeente is niet gelukt. Probeer het opnieuw.',
} as const;
export type OidcLoginError = keyof typeof OIDC_LOGIN_ERRORS;

/** The query of the callback as the provider sends it; the library checks every part. */
export const oidcCallbackQuerySchema = z.looseObject({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
