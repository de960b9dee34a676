import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamodb } from './client.js';
import { keys } from './keys.js';

/**
 * - `{ previousKey }`: the user now shows `avatarKey`; `previousKey` is the avatar it replaced.
 * - `'stale'`: the user's avatar comes from an upload as new as this one or newer
 *   (a duplicate or out-of-order event).
 * - `'no-user'`: the user does not exist (any more).
 */
export type PublishAvatarResult = { previousKey?: string } | 'stale' | 'no-user';

/**
 * Points the user at a new avatar unless a newer upload got there first. Upload times only move
 * forward, so replayed and reordered S3 events cannot bring an older avatar back.
 */
export async function publishAvatar(userId: number, avatarKey: string, uploadedAtMs: number): Promise<PublishAvatarResult> {
  try {
    const { Attributes } = await dynamodb.send(
      new UpdateCommand({
        TableName: config.tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET avatarKey = :avatarKey, avatarUploadedAt = :uploadedAt',
        ConditionExpression:
          'attribute_exists(PK) AND (attribute_not_exists(avatarUploadedAt) OR avatarUploadedAt < :uploadedAt)',
        ExpressionAttributeValues: { ':avatarKey': avatarKey, ':uploadedAt': uploadedAtMs },
        ReturnValues: 'UPDATED_OLD',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    const previousKey = Attributes?.avatarKey as string | undefined;
    return previousKey === undefined ? {} : { previousKey };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return error.Item ? 'stale' : 'no-user';
    throw error;
  }
}
