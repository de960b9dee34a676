import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from '../http/errors.js';
import type { UserRecord } from './user-record.js';
import { findUser, UserWriteConflictError } from './user-store.js';

const MAX_ATTEMPTS = 6;

const changedMeanwhile = (error: unknown) => error instanceof UserWriteConflictError && error.conflict.reason === 'changed';

/**
 * Runs a user write on top of the version it read. When a concurrent write got there
 * first, it waits a little, reads the user again and writes on the fresh version, so
 * neither update is lost. Gone meanwhile: 404; still losing after a few tries: 409.
 */
export async function writeOnLatest<T>(user: UserRecord, write: (current: UserRecord) => Promise<T>): Promise<T> {
  let current = user;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(current);
    } catch (error) {
      if (!changedMeanwhile(error)) throw error;
      if (attempt === MAX_ATTEMPTS) throw errors.conflict();
      await sleep(Math.random() * 10 * 2 ** attempt);
      const fresh = await findUser(user.id);
      if (!fresh) throw errors.notFound();
      current = fresh;
    }
  }
}
