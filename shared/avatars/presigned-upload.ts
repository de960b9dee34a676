import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { config } from '../config.js';
import { s3 } from '../storage/s3-client.js';
import { avatarBucket } from '../storage/bucket-definition.js';
import { newUploadKey } from './avatar-keys.js';

export interface AvatarUpload {
  upload: { url: string; fields: Record<string, string> };
  expires_in: number;
  max_bytes: number;
}

/**
 * A presigned POST form that lets the client send one image of up to 10 MiB straight to
 * `uploads/{userId}/`; the upload's S3 event starts the resize function.
 */
export async function createAvatarUpload(userId: number): Promise<AvatarUpload> {
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: config.avatarsBucket(),
    Key: newUploadKey(userId),
    Conditions: [
      ['content-length-range', 1, avatarBucket.maxUploadBytes],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Expires: avatarBucket.presignedPostExpiresSeconds,
  });
  return {
    upload: { url, fields },
    expires_in: avatarBucket.presignedPostExpiresSeconds,
    max_bytes: avatarBucket.maxUploadBytes,
  };
}
