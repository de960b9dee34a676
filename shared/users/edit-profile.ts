import { setTimeout as sleep } from 'node:timers/promises';
import { hashPassword } from '../auth/passwords.js';
import { errors } from '../http/errors.js';
import { passwordSimilarity } from './password-rules.js';
import type { UserRecord } from './user-record.js';
import type { UserUpdateInput } from './user-schemas.js';
import { findUser, updateUser, UserWriteConflictError, type ProfileChanges } from './user-store.js';
import { clientErrorFor, requireOrganizations } from './write-conflicts.js';

/** PATCH changes the fields it names; PUT also sets the omitted optional fields to null. */
export type EditMode = 'partial' | 'replace';

const MAX_ATTEMPTS = 6;

function profileChanges(input: UserUpdateInput, mode: EditMode): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.email !== undefined) changes.email = input.email;
  if (mode === 'replace' || input.first_name !== undefined) changes.firstName = input.first_name ?? null;
  if (mode === 'replace' || input.last_name !== undefined) changes.lastName = input.last_name ?? null;
  if (mode === 'replace' || input.phone !== undefined) changes.phone = input.phone ?? null;
  if (input.organization_ids !== undefined) changes.organizationIds = input.organization_ids;
  return changes;
}

/**
 * Applies a profile edit. Each attempt writes on top of the version it read; when a
 * concurrent write got there first, the edit is applied again to the fresh profile,
 * so neither update is lost.
 */
export async function editProfile(user: UserRecord, input: UserUpdateInput, mode: EditMode): Promise<UserRecord> {
  const changes = profileChanges(input, mode);
  if (input.password !== undefined) {
    const similar = passwordSimilarity(input.password, input.email ?? user.email);
    if (similar) throw errors.validation({ password: [similar] });
    changes.passwordHash = await hashPassword(input.password);
  }
  if (changes.organizationIds) await requireOrganizations(changes.organizationIds);

  let current = user;
  for (let attempt = 1; ; attempt++) {
    const versioned = changes.passwordHash ? { ...changes, passwordVersion: current.passwordVersion + 1 } : changes;
    try {
      return await updateUser(current, versioned);
    } catch (error) {
      const changedMeanwhile = error instanceof UserWriteConflictError && error.conflict.reason === 'changed';
      if (!changedMeanwhile) throw clientErrorFor(error);
      if (attempt === MAX_ATTEMPTS) throw errors.conflict();
      await sleep(Math.random() * 10 * 2 ** attempt);
      const fresh = await findUser(user.id);
      if (!fresh) throw errors.notFound();
      current = fresh;
    }
  }
}
