import { nextId } from '../data/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { errors } from '../http/errors.js';
import type { UserCreateInput } from './user-schemas.js';
import { passwordSimilarity } from './password-rules.js';
import type { UserRecord } from './user-record.js';
import { insertUser } from './user-store.js';
import { clientErrorFor, requireOrganizations } from './write-conflicts.js';

const secondsPrecision = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Creates an account: the user, its email reservation and its memberships, all or nothing. */
export async function registerUser(input: UserCreateInput, options: { superuser?: boolean } = {}): Promise<UserRecord> {
  const similar = passwordSimilarity(input.password, input.email);
  if (similar) throw errors.validation({ password: [similar] });
  const organizationIds = input.organization_ids ?? [];
  await requireOrganizations(organizationIds);
  const user: UserRecord = {
    id: await nextId('USER'),
    email: input.email,
    firstName: input.first_name ?? null,
    lastName: input.last_name ?? null,
    phone: input.phone ?? null,
    avatarKey: null,
    organizationIds,
    dateJoined: secondsPrecision(new Date()),
    isSuperuser: options.superuser === true,
    passwordHash: await hashPassword(input.password),
    passwordVersion: 0,
    version: 0,
  };
  try {
    await insertUser(user);
  } catch (error) {
    throw clientErrorFor(error);
  }
  return user;
}
