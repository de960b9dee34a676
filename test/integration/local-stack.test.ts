import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbLocalClient } from '../../infra/local/dynamodb-local.js';
import { createTable } from '../../infra/local/local-resources.js';
import { startLocalStack } from '../../infra/local/stack.js';
import { readEndpoints } from '../../infra/local/state.js';
import { startTestApi, type TestApi } from '../support/local-api.js';
import { testRouteTable } from '../support/test-functions.js';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');
const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'local-stack-test-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs `npm start`'s command (tsx infra/local/start.ts) and waits for it to exit. */
async function runStart(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['infra/local/start.ts'], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function javaProcessesOn(stateDir: string): Promise<string> {
  try {
    return (await run('pgrep', ['-f', `DynamoDBLocal.*${stateDir}`])).stdout;
  } catch {
    return '';
  }
}

describe('the local stack', () => {
  it('creates its resources, publishes its endpoints and removes them on stop', async () => {
    const stateDir = await tempDir();
    const tableName = `stack-${randomBytes(4).toString('hex')}`;
    const dynamodbEndpoint = inject('dynamodbEndpoint');
    const stack = await startLocalStack({
      port: 0, stateDir, persist: false, dynamodbEndpoint, tableName, bucketName: 'stack-avatars', quiet: true, routeTable: testRouteTable,
    });

    const endpoints = await readEndpoints(stateDir);
    const response = await fetch(`${stack.url}/settings/`);
    const client = dynamoDbLocalClient(dynamodbEndpoint);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const recreated = await createTable(client, tableName);
    const privateKey = await stat(path.join(stateDir, 'jwt-private.pem'));
    const publicKeyPem = await readFile(path.join(stateDir, 'jwt-public.pem'), 'utf8');
    await stack.stop();
    client.destroy();

    expect(endpoints).toEqual({
      api: stack.url,
      dynamodb: dynamodbEndpoint,
      s3: stack.s3Endpoint,
      tableName,
      bucketName: 'stack-avatars',
      pid: process.pid,
    });
    expect(stack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tableNameAtImport: tableName });
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType])).toEqual([['GSI1', 'INCLUDE']]);
    expect(Table?.GlobalSecondaryIndexes?.[0].Projection?.NonKeyAttributes).toContain('email');
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    expect(recreated).toEqual({ created: false });
    expect(privateKey.mode & 0o777).toBe(0o600);
    expect(process.env.JWT_PUBLIC_KEY).toBe(publicKeyPem);
    expect(process.env.AVATARS_BASE_URL).toBe(`${stack.s3Endpoint}/stack-avatars`);
    expect(await readEndpoints(stateDir)).toBeUndefined();
  });

  it('keeps data and signing keys between starts and leaves no java process behind', async () => {
    const stateDir = await tempDir();
    const item = { PK: { S: 'USER#1' }, SK: { S: 'USER' }, email: { S: 'kept@example.com' } };

    const first = await startLocalStack({ port: 0, stateDir, persist: true, quiet: true, routeTable: testRouteTable });
    const firstClient = dynamoDbLocalClient(first.dynamodbEndpoint);
    await firstClient.send(new PutItemCommand({ TableName: first.tableName, Item: item }));
    firstClient.destroy();
    const firstKey = await readFile(path.join(stateDir, 'jwt-private.pem'), 'utf8');
    const runningJava = await javaProcessesOn(stateDir);
    await first.stop();
    const javaAfterStop = await javaProcessesOn(stateDir);

    const second = await startLocalStack({ port: 0, stateDir, persist: true, quiet: true, routeTable: testRouteTable });
    const secondClient = dynamoDbLocalClient(second.dynamodbEndpoint);
    const { Item } = await secondClient.send(new GetItemCommand({ TableName: second.tableName, Key: { PK: item.PK, SK: item.SK } }));
    secondClient.destroy();
    await second.stop();

    expect(runningJava).not.toBe('');
    expect(javaAfterStop).toBe('');
    expect(Item).toEqual(item);
    expect(await readFile(path.join(stateDir, 'jwt-private.pem'), 'utf8')).toBe(firstKey);
  });
});

describe('npm start', () => {
  let heldPort: Server;

  beforeAll(async () => {
    heldPort = createServer();
    await new Promise<void>((resolve) => heldPort.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => heldPort.close(() => resolve())));

  it('says in one line how to install Java when it is missing', async () => {
    const bin = await tempDir();
    await symlink(process.execPath, path.join(bin, 'node'));

    const result = await runStart({ PATH: bin, LOCAL_STATE_DIR: await tempDir(), PORT: '0' });

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'DynamoDB Local needs Java, and `java` is not on PATH: install it with `apt-get install -y openjdk-17-jre-headless`.\n',
    });
  });

  it('says in one line that the port is taken', async () => {
    const { port } = heldPort.address() as { port: number };
    const stateDir = await tempDir();

    const result = await runStart({ LOCAL_STATE_DIR: stateDir, PORT: String(port) });

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Port ${port} on 127.0.0.1 is already in use: stop what runs there or set PORT to a free port.\n`,
    });
    expect(await javaProcessesOn(stateDir)).toBe('');
  });
});

describe('startTestApi', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ routeTable: testRouteTable });
  });
  afterAll(() => api.stop());

  it('sends JSON with a bearer token', async () => {
    const response = await api.request('POST', '/echo/', { json: { name: 'Zoë' }, token: 'abc' });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.json.event.headers['content-type']).toBe('application/json');
    expect(response.json.event.headers.authorization).toBe('Bearer abc');
    expect(JSON.parse(response.json.event.body)).toEqual({ name: 'Zoë' });
  });

  it('sends a form with a repeated key', async () => {
    const response = await api.request('POST', '/echo', { form: { organization_ids: [1, 2], email: 'a@b.c' } });

    expect(response.json.event.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(response.json.event.body).toBe('organization_ids=1&organization_ids=2&email=a%40b.c');
  });

  it('sends a raw body with its content type and extra headers', async () => {
    const response = await api.request('POST', '/echo', { body: 'hello', contentType: 'text/plain', headers: { 'accept-language': 'ru' } });

    expect(response.json.event.body).toBe('hello');
    expect(response.json.event.headers['content-type']).toBe('text/plain');
    expect(response.json.event.headers['accept-language']).toBe('ru');
  });
});
