import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamodb } from './client.js';
import { keys } from './keys.js';

/**
 * The next id of an entity: one atomic counter increment, so ids are unique and
 * increasing. An id taken by a write that then fails stays unused, as in a SQL sequence.
 */
export async function nextId(entity: 'USER' | 'ORG'): Promise<number> {
  const { Attributes } = await dynamodb.send(new UpdateCommand({
    TableName: config.tableName(),
    Key: keys.counter(entity),
    UpdateExpression: 'ADD lastId :one',
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  }));
  return Number(Attributes!.lastId);
}
