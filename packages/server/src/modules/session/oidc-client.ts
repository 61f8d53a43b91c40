import { type JsonWebKey, webcrypto } from 'node:crypto';
import { OIDC_CALLBACK_PATH } from '@wijkregie/shared';
import * as client from 'openid-client';
import type { OidcSettings } from '../../config.js';

/** What the callback needs to finish a login that `authorizationRequest` started. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims of a finished login that decide who logs in. */
export interface OidcIdentity {
  sub: string;
  email: string | undefined;
  emailVerified: boolean;
}

/** The Web Crypto algorithm of a private JWK, for `private_key_jwt` (RS256, ES256/384/512, Ed25519). */
function importParams(
  jwk: JsonWebKey,
): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams | webcrypto.Algorithm {
  if (jwk.kty === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (jwk.kty === 'EC') return { name: 'ECDSA', namedCurve: String(jwk.crv) };
  return { name: 'Ed25519' };
}

/**
 * The municipality's OpenID Connect provider as Wijkregie uses it, through openid-client: discovery
 * (once, again after a failure), the authorization request (code flow, PKCE S256, state, nonce,
 * scope `openid email profile`) and the code exchange, where the library checks state, PKCE, the ID
 * token's signature, issuer, audience and nonce. The email comes from the ID token or, when the
 * provider puts it only there, from userinfo.
 */
export class OidcRelyingParty {
  private configuration: Promise<client.Configuration> | undefined;
  readonly redirectUri: string;

  constructor(
    private readonly settings: OidcSettings,
    publicUrl: string,
  ) {
    this.redirectUri = `${publicUrl.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`;
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((err: unknown) => {
      this.configuration = undefined; // try again at the next login
      throw err;
    });
    return this.configuration;
  }

  private async discover(): Promise<client.Configuration> {
    const { issuer, clientId, auth } = this.settings;
    const clientAuth =
      'secret' in auth
        ? client.ClientSecretBasic(auth.secret)
        : client.PrivateKeyJwt({
            key: await webcrypto.subtle.importKey(
              'jwk',
              auth.privateKey,
              importParams(auth.privateKey),
              false,
              ['sign'],
            ),
            ...(typeof auth.privateKey.kid === 'string' && { kid: auth.privateKey.kid }),
          });
    // http only for a provider on this machine (config.ts refuses it elsewhere).
    const insecure = new URL(issuer).protocol === 'http:';
    return client.discovery(new URL(issuer), clientId, undefined, clientAuth, {
      timeout: 10,
      ...(insecure && { execute: [client.allowInsecureRequests] }),
    });
  }

  /** A new login: the provider's URL to send the browser to, and what the callback must check. */
  async authorizationRequest(): Promise<{ url: string; checks: OidcChecks }> {
    const config = await this.config();
    const checks: OidcChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /**
   * Exchanges the code of the callback (`query`: its query string) and answers who logged in.
   * Throws when any check fails: state, PKCE, the ID token's signature, issuer, audience, nonce.
   */
  async identify(query: string, checks: OidcChecks): Promise<OidcIdentity> {
    const config = await this.config();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = query;
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    let { email, email_verified: verified } = claims;
    if (email === undefined) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email;
      verified = info.email_verified;
    }
    return {
      sub: claims.sub,
      email: typeof email === 'string' ? email.trim().toLowerCase() : undefined,
      emailVerified: verified === true,
    };
  }
}
