import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';

/** One document client per container; locally it points at DynamoDB Local. */
export const dynamodb = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: config.dynamodbEndpoint() }),
  { marshallOptions: { removeUndefinedValues: true } },
);
