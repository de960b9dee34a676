import { deleteAvatarFiles } from '../avatars/avatar-files.js';
import { logger } from '../logger.js';
import type { UserRecord } from './user-record.js';
import { deleteUser } from './user-store.js';
import { writeOnLatest } from './write-on-latest.js';

/**
 * Deletes the account (profile, email reservation, memberships at once), then its
 * avatar files. Uploads still in flight are discarded by the resize function.
 */
export async function deleteAccount(user: UserRecord): Promise<void> {
  await writeOnLatest(user, deleteUser);
  try {
    await deleteAvatarFiles(user.id);
  } catch (error) {
    logger.error('Avatar files of a deleted user were not removed', { userId: user.id, error });
  }
}
