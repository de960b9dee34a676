import { errors } from '../http/errors.js';
import { findUser } from '../users/user-store.js';
import type { UserRecord } from '../users/user-record.js';
import { verifyToken } from './tokens.js';

/**
 * The caller behind an `Authorization: Bearer <access token>` header, read fresh from
 * the table so that a deleted user's tokens stop working at once.
 * No header, another scheme or a malformed value: "credentials were not provided".
 */
export async function authenticate(header: string | undefined): Promise<UserRecord> {
  const parts = header?.trim().split(/\s+/) ?? [];
  if (parts.length !== 2 || parts[0] !== 'Bearer') throw errors.notAuthenticated();
  const { userId } = await verifyToken(parts[1]!, 'access');
  const user = await findUser(userId);
  if (!user) throw errors.tokenNotValid();
  return user;
}
