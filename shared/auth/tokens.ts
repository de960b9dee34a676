import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { config } from '../config.js';
import { errors } from '../http/errors.js';
import { SIGNING_ALGORITHM, signingKey, verificationKey } from './signing-keys.js';

export type TokenUse = 'access' | 'refresh';

export interface TokenSubject {
  userId: number;
  /** The password version the token was issued under (refresh tokens). */
  passwordVersion?: number;
}

async function mint(use: TokenUse, subject: TokenSubject, ttlSeconds: number): Promise<string> {
  const claims = use === 'refresh' ? { token_use: use, pwv: subject.passwordVersion } : { token_use: use };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: 'JWT' })
    .setSubject(String(subject.userId))
    .setIssuer(config.jwtIssuer())
    .setAudience(config.jwtAudience())
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .setJti(randomUUID())
    .sign(await signingKey());
}

export const mintAccessToken = (subject: TokenSubject) => mint('access', subject, config.accessTokenTtlSeconds());

export async function mintTokenPair(subject: TokenSubject): Promise<{ access: string; refresh: string }> {
  const [access, refresh] = await Promise.all([
    mintAccessToken(subject),
    mint('refresh', subject, config.refreshTokenTtlSeconds()),
  ]);
  return { access, refresh };
}

/** The subject of a valid token of the given use; anything else is a 401 token_not_valid. */
export async function verifyToken(token: string, use: TokenUse): Promise<TokenSubject> {
  try {
    const { payload } = await jwtVerify(token, await verificationKey(), {
      algorithms: [SIGNING_ALGORITHM],
      issuer: config.jwtIssuer(),
      audience: config.jwtAudience(),
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    });
    const userId = /^[1-9]\d{0,15}$/.test(payload.sub ?? '') ? Number(payload.sub) : Number.NaN;
    if (payload.token_use !== use || !Number.isSafeInteger(userId)) throw errors.tokenNotValid();
    const passwordVersion = typeof payload.pwv === 'number' ? payload.pwv : undefined;
    return { userId, passwordVersion };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw errors.tokenNotValid();
    throw error;
  }
}
