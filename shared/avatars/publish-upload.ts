import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { publishAvatar } from '../data/user-avatars.js';
import { avatarBucket } from '../storage/bucket-definition.js';
import { s3 } from '../storage/s3-client.js';
import { newAvatarKey, uploadOwner } from './avatar-keys.js';
import { renderAvatar, UnusableImageError, type UnusableImageReason } from './avatar-image.js';

/** A raw object under `uploads/`, as an ObjectCreated event describes it (key decoded). */
export interface Upload {
  bucket: string;
  key: string;
  size: number;
  uploadedAtMs: number;
}

export type RefusalReason = 'bad-key' | 'too-large' | UnusableImageReason;

export type UploadOutcome =
  | { outcome: 'published'; key: string; userId: number; avatarKey: string; previousKey?: string }
  /** Not a usable image: the upload is deleted and the avatar stays as it was. */
  | { outcome: 'refused'; key: string; reason: RefusalReason; detail: string }
  /** A replayed, out-of-order or orphaned upload: it leaves no trace. */
  | { outcome: 'discarded'; key: string; reason: 'stale' | 'no-user' | 'upload-gone' }
  /** Not under `uploads/`: never touched, so the function cannot trigger itself. */
  | { outcome: 'ignored'; key: string };

const deleteObjects = (bucket: string, keys: string[]) =>
  Promise.all(keys.map((key) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))));

/**
 * The upload's bytes; 'gone' when an earlier run of the same event already took it, 'too-large'
 * when the object grew since the event (a presigned form may post again to the same key).
 */
async function readUpload(bucket: string, key: string): Promise<Buffer | 'gone' | 'too-large'> {
  try {
    const { Body, ContentLength } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if ((ContentLength ?? 0) > avatarBucket.maxUploadBytes) {
      if (Body instanceof Readable) Body.destroy();
      return 'too-large';
    }
    return Buffer.from((await Body?.transformToByteArray()) ?? []);
  } catch (error) {
    if (error instanceof NoSuchKey) return 'gone';
    throw error;
  }
}

async function refuse(upload: Upload, reason: RefusalReason, detail: string): Promise<UploadOutcome> {
  await deleteObjects(upload.bucket, [upload.key]);
  return { outcome: 'refused', key: upload.key, reason, detail };
}

/**
 * Turns a raw upload into the user's avatar: checks and shrinks it, stores it under a new random
 * name, points the user at it unless a newer upload already did, then removes the upload and the
 * avatar it replaced. S3 and DynamoDB failures are thrown so that the event is retried; running
 * the same event again changes nothing more.
 */
export async function publishUpload(upload: Upload): Promise<UploadOutcome> {
  const { bucket, key } = upload;
  if (!key.startsWith(avatarBucket.uploadsPrefix)) return { outcome: 'ignored', key };
  const userId = uploadOwner(key);
  if (userId === undefined) return refuse(upload, 'bad-key', 'expected uploads/{userId}/{name}');
  const content = upload.size > avatarBucket.maxUploadBytes ? 'too-large' : await readUpload(bucket, key);
  if (content === 'gone') return { outcome: 'discarded', key, reason: 'upload-gone' };
  if (content === 'too-large') return refuse(upload, 'too-large', `over ${avatarBucket.maxUploadBytes} bytes`);

  let jpeg: Buffer;
  try {
    jpeg = await renderAvatar(content);
  } catch (error) {
    if (error instanceof UnusableImageError) return refuse(upload, error.reason, error.message);
    throw error;
  }

  const avatarKey = newAvatarKey(userId);
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: avatarKey,
      Body: jpeg,
      ContentType: 'image/jpeg',
      // Every avatar gets a new name, so a cached one never goes stale.
      CacheControl: 'public, max-age=31536000, immutable',
    }),
  );

  const published = await publishAvatar(userId, avatarKey, upload.uploadedAtMs).catch(async (error: unknown) => {
    await deleteObjects(bucket, [avatarKey]);
    throw error;
  });
  if (published === 'stale' || published === 'no-user') {
    await deleteObjects(bucket, [avatarKey, key]);
    return { outcome: 'discarded', key, reason: published };
  }
  const { previousKey } = published;
  await deleteObjects(bucket, previousKey ? [key, previousKey] : [key]);
  return { outcome: 'published', key, userId, avatarKey, ...(previousKey && { previousKey }) };
}
