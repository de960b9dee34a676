/**
 * Real local services for the avatar tests: the local S3 (s3rver, with its event delivery to the
 * resize function) and a table of its own in the DynamoDB Local that the global setup started.
 * Product modules read their endpoints when they load, so tests import them after start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { dynamoDbLocalClient } from '../../infra/local/dynamodb-local.js';
import { createTable } from '../../infra/local/local-resources.js';
import { startLocalS3 } from '../../infra/local/s3-local.js';
import { keys } from '../../shared/data/keys.js';

export interface AvatarTestBed {
  s3Endpoint: string;
  /** The avatars bucket: uploads under `uploads/` go through the resize function by themselves. */
  bucket: string;
  /** A bucket that notifies nobody, for calling the resize handler with hand-made events. */
  quietBucket: string;
  /** Resolves once the resize function has handled every upload made so far. */
  settled(): Promise<void>;
  putObject(bucket: string, key: string, body: Buffer | string): Promise<void>;
  getObject(bucket: string, key: string): Promise<Buffer | undefined>;
  listKeys(bucket: string, prefix: string): Promise<string[]>;
  createUser(id: number, avatar?: { avatarKey: string; avatarUploadedAt: number }): Promise<void>;
  /** The user's item as stored, or undefined. */
  userItem(id: number): Promise<Record<string, unknown> | undefined>;
  stop(): Promise<void>;
}

let nextUserId = 1;
/** Every test works on users of its own. */
export const newUserId = (): number => nextUserId++;

export async function startAvatarTestBed(): Promise<AvatarTestBed> {
  const suffix = `${process.pid}-${Date.now()}`;
  const bucket = `avatars-${suffix}`;
  const quietBucket = `quiet-${suffix}`;
  const tableName = `avatar-tests-${suffix}`;
  const directory = mkdtempSync(path.join(tmpdir(), 'avatar-s3-'));

  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const dynamodbClient = dynamoDbLocalClient(dynamodbEndpoint);
  await createTable(dynamodbClient, tableName);
  const documents = DynamoDBDocumentClient.from(dynamodbClient);

  const localS3 = await startLocalS3({ directory, bucketName: bucket, persist: false });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AVATARS_BUCKET: bucket,
    AVATARS_BASE_URL: `${localS3.endpoint}/${bucket}`,
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    S3_ENDPOINT: localS3.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

  const s3 = new S3Client({
    endpoint: localS3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await s3.send(new CreateBucketCommand({ Bucket: quietBucket }));

  return {
    s3Endpoint: localS3.endpoint,
    bucket,
    quietBucket,
    settled: localS3.settled,
    async putObject(bucketName, key, body) {
      await s3.send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body }));
    },
    async getObject(bucketName, key) {
      try {
        const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: key }));
        return Buffer.from(await Body!.transformToByteArray());
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async listKeys(bucketName, prefix) {
      const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: bucketName, Prefix: prefix }));
      return (Contents ?? []).map(({ Key }) => Key!).sort();
    },
    async createUser(id, avatar) {
      await documents.send(
        new PutCommand({ TableName: tableName, Item: { ...keys.user(id), id, email: `user${id}@example.com`, ...avatar } }),
      );
    },
    async userItem(id) {
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.user(id), ConsistentRead: true }));
      return Item;
    },
    async stop() {
      await localS3.stop();
      s3.destroy();
      await dynamodbClient.send(new DeleteTableCommand({ TableName: tableName }));
      dynamodbClient.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
