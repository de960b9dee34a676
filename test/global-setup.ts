import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The DynamoDB Local every test file shares; each file uses its own table. */
    dynamodbEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run. Its java process also ends when this
 * process dies without running the teardown (see infra/local/dynamodb-local.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return dynamodb.stop;
}
