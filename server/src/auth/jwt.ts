/**
 * Session tokens: HS256 JWTs signed and verified with `jose` (v5, which also ships CommonJS so
 * the server runs unchanged under Jest). Verification pins the algorithm and requires exp,
 * iss, aud and our own claims.
 */
import { SignJWT, errors, jwtVerify } from 'jose';

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

const key = (secret: string) => new TextEncoder().encode(secret);

export function signToken(claims: TokenClaims, o: JwtOptions): Promise<string> {
  const body: Record<string, string> = { kind: claims.kind };
  if (claims.tid) body.tid = claims.tid;
  return new SignJWT(body)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(o.issuer)
    .setAudience(o.audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(`${o.ttlSeconds}s`)
    .sign(key(o.secret));
}

export class InvalidTokenError extends Error {}

export async function verifyToken(token: string, o: Omit<JwtOptions, 'ttlSeconds'>): Promise<TokenClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(o.secret), {
      algorithms: ['HS256'],
      issuer: o.issuer,
      audience: o.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 5,
    }));
  } catch (e) {
    // Every verification failure (bad signature, expiry, wrong issuer, malformed) is the same to a caller.
    if (e instanceof errors.JOSEError || e instanceof TypeError) throw new InvalidTokenError(e.message);
    throw e;
  }
  const { sub, kind, tid } = payload;
  if (typeof sub !== 'string' || (kind !== 'user' && kind !== 'platform')) throw new InvalidTokenError('claims');
  if (kind === 'user' && typeof tid !== 'string') throw new InvalidTokenError('claims');
  return { sub, kind, tid: tid as string | undefined };
}
