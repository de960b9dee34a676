import { randomInt } from 'node:crypto';
import { avatarBucket } from '../storage/bucket-definition.js';

const NAME_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const NAME_LENGTH = 22;

/** 22 characters from 62 letters and digits: about 131 random bits, nothing taken from the client. */
export function randomObjectName(): string {
  return Array.from({ length: NAME_LENGTH }, () => NAME_ALPHABET[randomInt(NAME_ALPHABET.length)]).join('');
}

export const uploadsPrefixOf = (userId: number): string => `${avatarBucket.uploadsPrefix}${userId}/`;

export const avatarsPrefixOf = (userId: number): string => `${avatarBucket.avatarsPrefix}${userId}/`;

export const newUploadKey = (userId: number): string => `${uploadsPrefixOf(userId)}${randomObjectName()}`;

export const newAvatarKey = (userId: number): string => `${avatarsPrefixOf(userId)}${randomObjectName()}.jpg`;

const UPLOAD_KEY = /^uploads\/([1-9][0-9]{0,15})\/[^/]+$/;

/** The owner of an upload at `uploads/{userId}/{name}`, or undefined for any other layout. */
export function uploadOwner(key: string): number | undefined {
  const match = UPLOAD_KEY.exec(key);
  if (!match) return undefined;
  const userId = Number(match[1]);
  return Number.isSafeInteger(userId) ? userId : undefined;
}
