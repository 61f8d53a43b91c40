import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { emailSchema, passwordSchema } from '@wijkregie/shared';
import { z } from 'zod';
import { isTileUrl, type MapTiles } from './http/web-app.js';

/** The environment variables of docs/configuration.md, validated once at start. */
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet tussen 1 en 65535 liggen')
    .max(65535, 'moet tussen 1 en 65535 liggen')
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'moet een PostgreSQL-adres zijn (postgres://…)')
    .optional(),
  WIJKREGIE_DATA_DIR: z.string().min(1, 'mag niet leeg zijn').default('./data'),
  WIJKREGIE_ADMIN_EMAIL: emailSchema.optional(),
  WIJKREGIE_ADMIN_PASSWORD: passwordSchema.optional(),
  WIJKREGIE_DEMO: z.enum(['0', '1'], { error: "moet '0' of '1' zijn" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'moet een SMTP-adres zijn (smtp://host:poort of smtps://…)')
    .optional(),
  WIJKREGIE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'moet een http(s)-adres zijn' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  // Behind a load balancer: the proxies that may say who the client is (docs/several-instances.md).
  WIJKREGIE_TRUST_PROXY: z
    .string()
    .refine(
      (v) => v.split(',').every((a) => isProxyAddress(a.trim())),
      'moet een lijst van adressen of CIDR-blokken van de proxy’s zijn, bijvoorbeeld 10.0.0.0/8',
    )
    .optional(),
  // How often each instance looks for overdue work, digests and email to retry (docs/several-instances.md).
  WIJKREGIE_JOB_INTERVAL_MS: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(100, 'moet tussen 100 en 3600000 liggen')
    .max(3_600_000, 'moet tussen 100 en 3600000 liggen')
    .default(30_000),
  // The secret of the audit chain (docs/audit.md); 32 characters or more, e.g. `openssl rand -hex 32`.
  WIJKREGIE_AUDIT_KEY: z
    .string()
    .min(32, 'moet minstens 32 tekens lang zijn (bijvoorbeeld de uitvoer van: openssl rand -hex 32)')
    .optional(),
  WIJKREGIE_AUDIT_CHECKPOINT_FILE: z.string().min(1, 'mag niet leeg zijn').optional(),
  // The background map of the Wijkbeeld page (docs/configuration.md); without it the map shows outlines only.
  WIJKREGIE_TILE_URL: z
    .string()
    .refine(
      isTileUrl,
      'moet een http(s)-adres van kaarttegels zijn met {z}, {x} en {y}, bijvoorbeeld https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
    )
    .optional(),
  WIJKREGIE_TILE_ATTRIBUTION: z.string().max(300, 'mag hoogstens 300 tekens lang zijn').optional(),
  // Webhooks to internal addresses (loopback, private networks) and over plain http (docs/integration.md).
  WIJKREGIE_WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1'], { error: "moet '0' of '1' zijn" }).optional(),
  // Staff login through the municipality's OpenID Connect provider (docs/configuration.md).
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'moet het adres van de OpenID Connect-provider zijn (https://…)' })
    .refine(
      isIssuerUrl,
      'moet https zijn (http alleen voor een provider op deze machine: localhost of 127.0.0.1)',
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().max(512, 'mag hoogstens 512 tekens lang zijn').optional(),
  OIDC_CLIENT_SECRET: z.string().max(1024, 'mag hoogstens 1024 tekens lang zijn').optional(),
  OIDC_PRIVATE_KEY_FILE: z.string().min(1, 'mag niet leeg zijn').optional(),
});

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** undefined: decide at start (demo on an empty embedded database). */
  demo: boolean | undefined;
  smtpUrl: string | undefined;
  publicUrl: string;
  /** Proxies trusted to name the client in X-Forwarded-For (addresses, CIDR blocks); false: none. */
  trustProxy: string[] | false;
  jobIntervalMs: number;
  /** Undefined: the embedded database keeps a key file in `dataDir` (modules/audit/key.ts). */
  auditKey: string | undefined;
  /** Where signed checkpoints of the audit chains are appended (outside the database). */
  auditCheckpointFile: string;
  /** The background map's tiles; undefined: the map draws the outlines on a plain background. */
  mapTiles: MapTiles | undefined;
  /** Webhooks may go to internal addresses and over http (the municipality's own systems). */
  webhookAllowPrivate: boolean;
  /** Staff login through the municipality's OpenID Connect provider; undefined: not configured. */
  oidc: OidcSettings | undefined;
}

/** The relying party's settings (`OIDC_*` in docs/configuration.md). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** `client_secret_basic` with the secret, or `private_key_jwt` with the key (a private JWK). */
  auth: { secret: string } | { privateKey: JsonWebKey };
}

/** https, or http to a provider on this machine (a test or a developer's provider). */
function isIssuerUrl(v: string): boolean {
  const u = new URL(v);
  return u.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** The private key of `private_key_jwt`: a PEM file or a JWK (JSON); a message when it is neither. */
function readPrivateKey(file: string): JsonWebKey | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'is niet te lezen: geef het pad van een bestand met de privésleutel (PEM of JWK)';
  }
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(trimmed);
    if (!['rsa', 'ec', 'ed25519'].includes(key.asymmetricKeyType ?? '')) {
      return 'moet een RSA-, EC- of Ed25519-sleutel bevatten';
    }
    const jwk = key.export({ format: 'jwk' });
    // The key id the provider knows the public key by (a JWK's own `kid`), kept when the file has one.
    const kid = trimmed.startsWith('{') ? (JSON.parse(trimmed) as { kid?: unknown }).kid : undefined;
    return typeof kid === 'string' ? { ...jwk, kid } : jwk;
  } catch {
    return 'bevat geen geldige privésleutel (PEM of JWK)';
  }
}

export class ConfigError extends Error {}

/** An address, a CIDR block, or one of proxy-addr's names for the private ranges. */
function isProxyAddress(a: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [ip = '', bits, ...rest] = a.split('/');
  const family = isIP(ip);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const parseTrustProxy = (v: string | undefined): string[] | false =>
  v === undefined ? false : v.split(',').map((a) => a.trim());

/** Parses the environment; throws ConfigError with one line per wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable counts as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((k) => [k, env[k]])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  const issues: { name: string; message: string }[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ name: String(i.path[0]), message: i.message }));
  if (present.DATABASE_URL && !present.WIJKREGIE_AUDIT_KEY) {
    issues.push({
      name: 'WIJKREGIE_AUDIT_KEY',
      message: 'is verplicht bij DATABASE_URL: de sleutel van de auditketen staat nooit in de database',
    });
  }
  const oidc = parsed.success ? oidcSettings(parsed.data, issues) : undefined;
  if (!parsed.success || issues.length) {
    const lines = issues.map(({ name, message }) => {
      const value =
        present[name] === undefined
          ? '(niet gezet)'
          : /PASSWORD|_KEY$|_SECRET$/.test(name)
            ? '(verborgen)'
            : JSON.stringify(present[name]);
      return `  ${name}=${value}: ${message}`;
    });
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.WIJKREGIE_DATA_DIR,
    adminEmail: e.WIJKREGIE_ADMIN_EMAIL,
    adminPassword: e.WIJKREGIE_ADMIN_PASSWORD,
    demo: e.WIJKREGIE_DEMO === undefined ? undefined : e.WIJKREGIE_DEMO === '1',
    smtpUrl: e.SMTP_URL,
    publicUrl: e.WIJKREGIE_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    trustProxy: parseTrustProxy(e.WIJKREGIE_TRUST_PROXY),
    jobIntervalMs: e.WIJKREGIE_JOB_INTERVAL_MS,
    auditKey: e.WIJKREGIE_AUDIT_KEY,
    auditCheckpointFile:
      e.WIJKREGIE_AUDIT_CHECKPOINT_FILE ?? join(e.WIJKREGIE_DATA_DIR, 'audit-checkpoints.jsonl'),
    mapTiles: e.WIJKREGIE_TILE_URL
      ? { url: e.WIJKREGIE_TILE_URL, attribution: e.WIJKREGIE_TILE_ATTRIBUTION ?? '' }
      : undefined,
    webhookAllowPrivate: e.WIJKREGIE_WEBHOOK_ALLOW_PRIVATE === '1',
    oidc,
  };
}

/**
 * OIDC login is on when `OIDC_ISSUER`, `OIDC_CLIENT_ID` and a secret or a private key are set; a part
 * without the rest, or both a secret and a key, is a mistake worth stopping the start for.
 */
function oidcSettings(
  e: z.infer<typeof envSchema>,
  issues: { name: string; message: string }[],
): OidcSettings | undefined {
  const parts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_PRIVATE_KEY_FILE];
  if (parts.every((p) => p === undefined)) return undefined;
  const before = issues.length;
  if (!e.OIDC_ISSUER) {
    issues.push({ name: 'OIDC_ISSUER', message: 'is verplicht bij de andere OIDC_-instellingen' });
  }
  if (!e.OIDC_CLIENT_ID) {
    issues.push({ name: 'OIDC_CLIENT_ID', message: 'is verplicht bij OIDC_ISSUER' });
  }
  if (e.OIDC_CLIENT_SECRET && e.OIDC_PRIVATE_KEY_FILE) {
    issues.push({
      name: 'OIDC_PRIVATE_KEY_FILE',
      message: 'kies één manier van inloggen bij de provider: OIDC_CLIENT_SECRET of OIDC_PRIVATE_KEY_FILE',
    });
  } else if (!e.OIDC_CLIENT_SECRET && !e.OIDC_PRIVATE_KEY_FILE) {
    issues.push({
      name: 'OIDC_CLIENT_SECRET',
      message: 'is verplicht bij OIDC_ISSUER, tenzij OIDC_PRIVATE_KEY_FILE (private_key_jwt) is gezet',
    });
  }
  if (!e.WIJKREGIE_PUBLIC_URL) {
    issues.push({
      name: 'WIJKREGIE_PUBLIC_URL',
      message:
        'is verplicht bij OIDC_ISSUER: de provider stuurt terug naar dit adres + /api/v1/session/oidc/callback',
    });
  }
  let auth: OidcSettings['auth'] | undefined = e.OIDC_CLIENT_SECRET
    ? { secret: e.OIDC_CLIENT_SECRET }
    : undefined;
  if (e.OIDC_PRIVATE_KEY_FILE && !e.OIDC_CLIENT_SECRET) {
    const key = readPrivateKey(e.OIDC_PRIVATE_KEY_FILE);
    if (typeof key === 'string') issues.push({ name: 'OIDC_PRIVATE_KEY_FILE', message: key });
    else auth = { privateKey: key };
  }
  if (issues.length > before || !e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !auth) return undefined;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, auth };
}
