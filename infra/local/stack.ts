import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadSigningKeys, type SigningKeys } from './signing-keys.js';
import { dynamoDbLocalClient, startDynamoDbLocal } from './dynamodb-local.js';
import { startGateway, type HandlerLoader } from './gateway.js';
import { createTable } from './local-resources.js';
import type { RouteTable } from './route-matcher.js';
import { startLocalS3 } from './s3-local.js';
import { removeEndpoints, writeEndpoints } from './state.js';

export interface LocalStackOptions {
  port: number;
  host?: string;
  stateDir: string;
  /** Keep data under `stateDir` between starts. */
  persist: boolean;
  /** Reuse a running DynamoDB Local instead of starting one (tests share one). */
  dynamodbEndpoint?: string;
  tableName?: string;
  bucketName?: string;
  /** No access log. */
  quiet?: boolean;
  routeTable?: RouteTable;
  loadHandler?: HandlerLoader;
}

export interface LocalStack {
  url: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  bucketName: string;
  /** Resolves once every avatar upload so far has been through the resize function. */
  avatarUploadsSettled(): Promise<void>;
  stop(): Promise<void>;
}

interface HandlerSettings {
  tableName: string;
  bucketName: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  keys: SigningKeys;
}

/** The environment the functions read through shared/config.ts, as the CDK stack sets it in AWS. */
function setHandlerEnvironment(settings: HandlerSettings): void {
  Object.assign(process.env, {
    TABLE_NAME: settings.tableName,
    AVATARS_BUCKET: settings.bucketName,
    AVATARS_BASE_URL: `${settings.s3Endpoint}/${settings.bucketName}`,
    DYNAMODB_ENDPOINT: settings.dynamodbEndpoint,
    S3_ENDPOINT: settings.s3Endpoint,
    AWS_REGION: 'us-east-1',
    // The only credentials the local S3 accepts; DynamoDB Local accepts any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    JWT_PUBLIC_KEY: settings.keys.publicKeyPem,
    JWT_PRIVATE_KEY: settings.keys.privateKeyPem,
  });
}

/** Stops in reverse start order; every step runs even when an earlier one fails. */
async function stopAll(steps: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/**
 * The whole API on this machine: DynamoDB Local, the local S3 and the gateway running the
 * real function handlers in this process. Handlers are imported on their first request,
 * after the environment they read at import time is set.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const tableName = opts.tableName ?? 'users-organizations';
  const bucketName = opts.bucketName ?? 'avatars';
  // Before the first SDK client: the SDK warns once per process that Node 20 support ends.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  await mkdir(opts.stateDir, { recursive: true });

  const stopSteps: (() => Promise<void>)[] = [];
  try {
    let dynamodbEndpoint = opts.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dynamodb = await startDynamoDbLocal({ dbPath: opts.persist ? path.join(opts.stateDir, 'dynamodb') : undefined });
      stopSteps.push(dynamodb.stop);
      dynamodbEndpoint = dynamodb.endpoint;
    }

    const s3 = await startLocalS3({ directory: path.join(opts.stateDir, 's3'), bucketName, persist: opts.persist });
    stopSteps.push(s3.stop);

    const client = dynamoDbLocalClient(dynamodbEndpoint);
    try {
      await createTable(client, tableName);
    } finally {
      client.destroy();
    }

    const keys = await loadSigningKeys(opts.stateDir);
    setHandlerEnvironment({ tableName, bucketName, dynamodbEndpoint, s3Endpoint: s3.endpoint, keys });

    const gateway = await startGateway({
      port: opts.port,
      host: opts.host,
      routeTable: opts.routeTable,
      loadHandler: opts.loadHandler,
      accessLog: !opts.quiet,
    });
    stopSteps.push(gateway.stop);

    await writeEndpoints(opts.stateDir, {
      api: gateway.url,
      dynamodb: dynamodbEndpoint,
      s3: s3.endpoint,
      tableName,
      bucketName,
      pid: process.pid,
    });
    stopSteps.push(() => removeEndpoints(opts.stateDir));

    let stopping: Promise<void> | undefined;
    return {
      url: gateway.url,
      dynamodbEndpoint,
      s3Endpoint: s3.endpoint,
      tableName,
      bucketName,
      avatarUploadsSettled: s3.settled,
      stop: () => (stopping ??= stopAll(stopSteps)),
    };
  } catch (error) {
    await stopAll(stopSteps).catch(() => undefined);
    throw error;
  }
}
