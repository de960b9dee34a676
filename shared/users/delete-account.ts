import { deleteAvatarFiles } from '../avatars/avatar-files.js';
import { errors } from '../http/errors.js';
import { logger } from '../logger.js';
import type { UserRecord } from './user-record.js';
import { deleteUser, findUser, UserWriteConflictError } from './user-store.js';

/**
 * Deletes the account (profile, email reservation, memberships at once), then its
 * avatar files. Uploads still in flight are discarded by the resize function.
 */
export async function deleteAccount(user: UserRecord): Promise<void> {
  let current = user;
  for (let attempt = 1; ; attempt++) {
    try {
      await deleteUser(current);
      break;
    } catch (error) {
      if (!(error instanceof UserWriteConflictError)) throw error;
      if (attempt === 3) throw errors.conflict();
      const fresh = await findUser(user.id);
      if (!fresh) throw errors.notFound();
      current = fresh;
    }
  }
  try {
    await deleteAvatarFiles(user.id);
  } catch (error) {
    logger.error('Avatar files of a deleted user were not removed', { userId: user.id, error });
  }
}
