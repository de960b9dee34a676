import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { config } from '../config.js';
import { dynamodb } from './client.js';

const MAX_KEYS_PER_REQUEST = 100;
const MAX_ATTEMPTS = 5;

type Key = { PK: string; SK: string };

/**
 * Reads items by key: chunks of 100 sent in parallel, unprocessed keys retried with
 * backoff. Missing items are simply absent from the result.
 */
export async function batchGet(itemKeys: Key[], projection?: string[]): Promise<Record<string, unknown>[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < itemKeys.length; i += MAX_KEYS_PER_REQUEST) chunks.push(itemKeys.slice(i, i + MAX_KEYS_PER_REQUEST));
  const results = await Promise.all(chunks.map((chunk) => batchGetChunk(chunk, projection)));
  return results.flat();
}

async function batchGetChunk(chunk: Key[], projection?: string[]): Promise<Record<string, unknown>[]> {
  const tableName = config.tableName();
  const names = projection && Object.fromEntries(projection.map((name) => [`#${name}`, name]));
  const items: Record<string, unknown>[] = [];
  let pending: Key[] = chunk;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    if (attempt > 0) await sleep(25 * 2 ** attempt);
    const { Responses, UnprocessedKeys } = await dynamodb.send(new BatchGetCommand({
      RequestItems: {
        [tableName]: {
          Keys: pending,
          ...(names && { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }),
        },
      },
    }));
    items.push(...(Responses?.[tableName] ?? []));
    pending = (UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
  }
  return items;
}
