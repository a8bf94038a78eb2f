/**
 * HS256 JSON Web Tokens with node:crypto.
 *
 * jose 6 is an ES module only; the server must also run inside Jest's CommonJS runtime on
 * Node 20, which cannot load it. HS256 is small enough to do right here: the header must be
 * exactly alg HS256, the signature is compared in constant time, and exp, nbf, iss and aud are
 * all required and checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  sub: string;
  /** 'user' (tenant user) or 'platform' (platform administrator) */
  kind: 'user' | 'platform';
  /** tenant id for tenant users */
  tid?: string;
}

export interface JwtOptions {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

function hmac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signToken(claims: TokenClaims, o: JwtOptions, now = Math.floor(Date.now() / 1000)): string {
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64(JSON.stringify({ ...claims, iss: o.issuer, aud: o.audience, iat: now, nbf: now - 5, exp: now + o.ttlSeconds }));
  const sig = b64(hmac(o.secret, `${header}.${payload}`));
  return `${header}.${payload}.${sig}`;
}

export class InvalidTokenError extends Error {}

export function verifyToken(token: string, o: Omit<JwtOptions, 'ttlSeconds'>, now = Math.floor(Date.now() / 1000)): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed');
  const [h, p, s] = parts;
  let header: { alg?: unknown; typ?: unknown; crit?: unknown };
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('malformed');
  }
  if (header.alg !== 'HS256' || header.crit !== undefined) throw new InvalidTokenError('algorithm');
  const expected = hmac(o.secret, `${h}.${p}`);
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError('signature');
  if (typeof payload !== 'object' || payload === null) throw new InvalidTokenError('payload');
  if (typeof payload.exp !== 'number' || payload.exp <= now) throw new InvalidTokenError('expired');
  if (typeof payload.nbf === 'number' && payload.nbf > now + 5) throw new InvalidTokenError('not yet valid');
  if (payload.iss !== o.issuer) throw new InvalidTokenError('issuer');
  if (payload.aud !== o.audience) throw new InvalidTokenError('audience');
  if (typeof payload.sub !== 'string' || (payload.kind !== 'user' && payload.kind !== 'platform')) throw new InvalidTokenError('claims');
  if (payload.kind === 'user' && typeof payload.tid !== 'string') throw new InvalidTokenError('claims');
  return { sub: payload.sub, kind: payload.kind, tid: payload.tid as string | undefined };
}
