import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamodb } from '../data/client.js';
import { keys } from '../data/keys.js';
import { errors } from '../http/errors.js';

/** Login attempts allowed for one email within a window; a successful login clears the count. */
export const MAX_ATTEMPTS = 5;
export const WINDOW_SECONDS = 15 * 60;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The old item of a refused condition (returned marshalled, even through the document client). */
const windowEndOf = (error: ConditionalCheckFailedException) => Number(error.Item?.windowEndsAt?.N ?? 0);

/**
 * Takes one login attempt for this email before the password is checked, or throws a
 * 429 when the window's attempts are used up. Taking the attempt first, in one
 * conditional write, means parallel requests cannot check more passwords than allowed.
 */
export async function takeLoginAttempt(email: string): Promise<void> {
  const tableName = config.tableName();
  const Key = keys.loginFailures(email);
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = nowSeconds();
    const windowEndsAt = now + WINDOW_SECONDS;
    try {
      await dynamodb.send(new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: 'SET windowEndsAt = if_not_exists(windowEndsAt, :end), expiresAt = if_not_exists(expiresAt, :end) ADD #count :one',
        ConditionExpression: 'attribute_not_exists(PK) OR (windowEndsAt > :now AND #count < :max)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':now': now, ':end': windowEndsAt, ':max': MAX_ATTEMPTS },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const openUntil = windowEndOf(error);
      if (openUntil > now) throw errors.throttled(openUntil - now);
    }
    // The last window has passed: start a new one, unless a parallel request just did.
    try {
      await dynamodb.send(new PutCommand({
        TableName: tableName,
        Item: { ...Key, count: 1, windowEndsAt, expiresAt: windowEndsAt },
        ConditionExpression: 'attribute_not_exists(PK) OR windowEndsAt <= :now',
        ExpressionAttributeValues: { ':now': now },
      }));
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  throw errors.throttled(1);
}

export async function clearLoginAttempts(email: string): Promise<void> {
  await dynamodb.send(new DeleteCommand({ TableName: config.tableName(), Key: keys.loginFailures(email) }));
}
