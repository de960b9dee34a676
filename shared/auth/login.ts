import { errors } from '../http/errors.js';
import { findUser, findUserIdByEmail } from '../users/user-store.js';
import { clearLoginAttempts, takeLoginAttempt } from './login-throttle.js';
import { verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { mintAccessToken, mintTokenPair, verifyToken } from './tokens.js';

/**
 * Email and password for a token pair. Wrong email and wrong password get the same
 * answer after the same work; attempts per email are limited (login-throttle.ts).
 */
export async function login(email: string, password: string): Promise<{ access: string; refresh: string }> {
  const [, userId] = await Promise.all([takeLoginAttempt(email), findUserIdByEmail(email)]);
  const user = userId === undefined ? undefined : await findUser(userId);
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
  if (!user || !valid) throw errors.noActiveAccount();
  await clearLoginAttempts(email);
  return mintTokenPair({ userId: user.id, passwordVersion: user.passwordVersion });
}

/** A new access token for a refresh token whose user still exists and has not changed password since. */
export async function refreshAccess(refreshToken: string): Promise<{ access: string }> {
  const { userId, passwordVersion } = await verifyToken(refreshToken, 'refresh');
  const user = await findUser(userId);
  if (!user || user.passwordVersion !== passwordVersion) throw errors.tokenNotValid();
  return { access: await mintAccessToken({ userId }) };
}
