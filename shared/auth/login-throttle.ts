import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamodb } from '../data/client.js';
import { keys } from '../data/keys.js';

/** After this many failed logins for one email within the window, logins wait for the window to pass. */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

/** The failure count of one email; the item expires (TTL) with its window. */
export interface LoginFailures {
  count: number;
  windowEndsAt: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Seconds until logins for this email are allowed again, or 0 when they are. */
export function throttledFor(failures: LoginFailures | undefined): number {
  if (!failures || failures.count < MAX_FAILURES) return 0;
  return Math.max(0, failures.windowEndsAt - nowSeconds());
}

export function fromItem(item: Record<string, unknown> | undefined): LoginFailures | undefined {
  if (!item || Number(item.windowEndsAt) <= nowSeconds()) return undefined;
  return { count: Number(item.count), windowEndsAt: Number(item.windowEndsAt) };
}

/**
 * Counts one failure: in the open window, or in a new one when the last has passed.
 * Both writes are conditional, so concurrent failures are never lost.
 */
export async function recordLoginFailure(email: string): Promise<void> {
  const tableName = config.tableName();
  const Key = keys.loginFailures(email);
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = nowSeconds();
    try {
      await dynamodb.send(new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: 'ADD #count :one',
        ConditionExpression: 'windowEndsAt > :now',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':now': now },
      }));
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const windowEndsAt = now + WINDOW_SECONDS;
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
}

export async function clearLoginFailures(email: string): Promise<void> {
  await dynamodb.send(new DeleteCommand({ TableName: config.tableName(), Key: keys.loginFailures(email) }));
}
