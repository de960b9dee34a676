import { PutObjectCommand } from '@aws-sdk/client-s3';
import { config } from '../config.js';
import { s3 } from '../storage/s3-client.js';
import { newUploadKey } from './avatar-keys.js';

export interface AvatarFile {
  content: Buffer;
  mimetype?: string;
}

/**
 * Stores an `avatar` part of a multipart request as a raw upload; the resize function checks,
 * shrinks and publishes it like a presigned POST upload. Returns the upload's key.
 */
export async function storeAvatarUpload(userId: number, file: AvatarFile): Promise<string> {
  const key = newUploadKey(userId);
  await s3.send(
    new PutObjectCommand({
      Bucket: config.avatarsBucket(),
      Key: key,
      Body: file.content,
      ContentType: file.mimetype ?? 'application/octet-stream',
    }),
  );
  return key;
}
