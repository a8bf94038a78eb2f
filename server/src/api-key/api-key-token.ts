import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `kp_<lookupId>_<secret>`: lookupId 16 hex chars (public), secret 32 random bytes base64url. */
export const API_KEY_PREFIX = 'kp_';
const FORMAT = /^kp_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { key: string; lookupId: string; secretHash: string } {
  const lookupId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${API_KEY_PREFIX}${lookupId}_${secret}`, lookupId, secretHash: hashSecret(secret) };
}

/** sha256 is enough: the secret is 256 random bits, not a password. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseApiKey(key: string): { lookupId: string; secret: string } | null {
  const m = FORMAT.exec(key);
  return m ? { lookupId: m[1], secret: m[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}
