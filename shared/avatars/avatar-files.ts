import { DeleteObjectsCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { config } from '../config.js';
import { s3 } from '../storage/s3-client.js';
import { avatarsPrefixOf, uploadsPrefixOf } from './avatar-keys.js';

async function deleteUnder(bucket: string, prefix: string): Promise<void> {
  // A listing page holds at most 1000 keys, which is also the DeleteObjects limit.
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    const objects = (page.Contents ?? []).map(({ Key }) => ({ Key }));
    if (objects.length === 0) continue;
    const { Errors } = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    if (Errors?.length) throw new Error(`Could not delete ${Errors.length} object(s) under ${prefix}: ${Errors[0]?.Message}`);
  }
}

/** Removes every published avatar and pending upload of a user (on account deletion). */
export async function deleteAvatarFiles(userId: number): Promise<void> {
  const bucket = config.avatarsBucket();
  await Promise.all([deleteUnder(bucket, avatarsPrefixOf(userId)), deleteUnder(bucket, uploadsPrefixOf(userId))]);
}
