import { batchGet } from '../data/batch-get.js';
import { keys } from '../data/keys.js';
import { errors } from '../http/errors.js';
import { findUser } from '../users/user-store.js';
import { clearLoginFailures, fromItem, recordLoginFailure, throttledFor } from './login-throttle.js';
import { verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { mintAccessToken, mintTokenPair, verifyToken } from './tokens.js';

/**
 * Email and password for a token pair. Wrong email and wrong password get the same
 * answer after the same work; repeated failures for an email are throttled.
 */
export async function login(email: string, password: string): Promise<{ access: string; refresh: string }> {
  const reservationKey = keys.emailReservation(email);
  const items = await batchGet([reservationKey, keys.loginFailures(email)], { consistentRead: true });
  const reservation = items.find((item) => item.PK === reservationKey.PK);
  const failures = fromItem(items.find((item) => item.PK !== reservationKey.PK));
  const wait = throttledFor(failures);
  if (wait > 0) throw errors.throttled(wait);

  const user = reservation ? await findUser(Number(reservation.userId)) : undefined;
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
  if (!user || !valid) {
    await recordLoginFailure(email);
    throw errors.noActiveAccount();
  }
  if (failures) await clearLoginFailures(email);
  return mintTokenPair({ userId: user.id, passwordVersion: user.passwordVersion });
}

/** A new access token for a refresh token whose user still exists and has not changed password since. */
export async function refreshAccess(refreshToken: string): Promise<{ access: string }> {
  const { userId, passwordVersion } = await verifyToken(refreshToken, 'refresh');
  const user = await findUser(userId);
  if (!user || user.passwordVersion !== passwordVersion) throw errors.tokenNotValid();
  return { access: await mintAccessToken({ userId }) };
}
