import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';
import { config } from '../config.js';

/**
 * bcrypt reads only the first 72 bytes of its input, so the password is first reduced
 * to its SHA-256 hex digest (64 bytes): every character counts, none is cut off.
 * The stored form names the scheme, as Django's `bcrypt_sha256$` does.
 */
const SCHEME = 'bcrypt_sha256$';

const digest = (password: string) => createHash('sha256').update(password, 'utf8').digest('hex');

export async function hashPassword(password: string): Promise<string> {
  return SCHEME + (await bcrypt.hash(digest(password), config.bcryptCost()));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!stored.startsWith(SCHEME)) return false;
  return bcrypt.compare(digest(password), stored.slice(SCHEME.length));
}

let decoy: Promise<string> | undefined;

/** Spends the time of one verification, so an unknown email answers as slowly as a known one. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(password, await decoy);
  return false;
}
