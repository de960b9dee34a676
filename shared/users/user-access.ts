import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errors } from '../http/errors.js';
import { pathId } from '../http/path-id.js';
import type { UserRecord } from './user-record.js';
import { findUser } from './user-store.js';

/**
 * The user of `/users/{id}/` that the caller may change: a missing user is a 404
 * (checked first, as DRF does), someone else's profile a 403 unless the caller is a superuser.
 */
export async function writableUser(event: APIGatewayProxyEventV2, caller: UserRecord): Promise<UserRecord> {
  const id = pathId(event);
  const user = id === caller.id ? caller : await findUser(id);
  if (!user) throw errors.notFound();
  if (user.id !== caller.id && !caller.isSuperuser) throw errors.permissionDenied();
  return user;
}
