import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  type KeyObject,
  randomBytes,
  randomInt,
} from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@wijkregie/shared';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * TOTP after RFC 6238 as authenticator apps read it: SHA-1, 6 digits, 30 s steps; a code of the step
 * before or after is accepted too (clocks drift). Secrets are kept AES-256-GCM encrypted with a key
 * derived (HKDF) from the audit key, which is not in the database; a code's step is remembered so the
 * same code is never accepted twice.
 */
const PERIOD = 30;
export const TOTP_ISSUER = 'Wijkregie';

const keys = new WeakMap<KeyObject, Buffer>();
function secretKey(auditKey: KeyObject): Buffer {
  let key = keys.get(auditKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', auditKey.export(), Buffer.alloc(0), 'wijkregie totp secret v1', 32));
    keys.set(auditKey, key);
  }
  return key;
}

export function encryptSecret(auditKey: KeyObject, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(auditKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptSecret(auditKey: KeyObject, stored: string): string {
  const raw = Buffer.from(stored.replace(/^v1\./, ''), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(auditKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const otpauthUrl = (secret: string, account: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: account, secret, algorithm: 'sha1', digits: 6, period: PERIOD });

export const qrSvg = (url: string): Promise<string> =>
  QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });

/** A 6-digit code's time step when it fits now (±1 step) and comes after `afterTimeStep`; else undefined. */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    algorithm: 'sha1',
    digits: 6,
    period: PERIOD,
    epochTolerance: PERIOD,
    ...(afterTimeStep !== null && { afterTimeStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten one-time recovery codes like `k3mfp-8qrxz` (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  const one = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = one();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** What is stored of a recovery code: a SHA-256 of the user and the code as typed without case or dashes. */
export const recoveryCodeHash = (userId: string, code: string): string =>
  createHash('sha256')
    .update(`${userId}:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`)
    .digest('hex');
