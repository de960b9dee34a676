import { hashPassword } from '../auth/passwords.js';
import { errors } from '../http/errors.js';
import { passwordSimilarity } from './password-rules.js';
import type { UserRecord } from './user-record.js';
import type { UserUpdateInput } from './user-schemas.js';
import { updateUser, type ProfileChanges } from './user-store.js';
import { writeOnLatest } from './write-on-latest.js';
import { clientErrorFor, requireOrganizations } from './write-conflicts.js';

/** PATCH changes the fields it names; PUT also sets the omitted optional fields to null. */
export type EditMode = 'partial' | 'replace';

function profileChanges(input: UserUpdateInput, mode: EditMode): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.email !== undefined) changes.email = input.email;
  if (mode === 'replace' || input.first_name !== undefined) changes.firstName = input.first_name ?? null;
  if (mode === 'replace' || input.last_name !== undefined) changes.lastName = input.last_name ?? null;
  if (mode === 'replace' || input.phone !== undefined) changes.phone = input.phone ?? null;
  if (input.organization_ids !== undefined) changes.organizationIds = input.organization_ids;
  return changes;
}

/** Applies a profile edit, again on the fresh profile if a concurrent write got there first. */
export async function editProfile(user: UserRecord, input: UserUpdateInput, mode: EditMode): Promise<UserRecord> {
  const changes = profileChanges(input, mode);
  if (input.password !== undefined) {
    const similar = passwordSimilarity(input.password, input.email ?? user.email);
    if (similar) throw errors.validation({ password: [similar] });
    changes.passwordHash = await hashPassword(input.password);
  }
  if (changes.organizationIds) await requireOrganizations(changes.organizationIds);

  try {
    return await writeOnLatest(user, (current) =>
      updateUser(current, changes.passwordHash ? { ...changes, passwordVersion: current.passwordVersion + 1 } : changes));
  } catch (error) {
    throw clientErrorFor(error);
  }
}
