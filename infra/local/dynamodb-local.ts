import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './free-port.js';

export class JavaMissingError extends Error {
  constructor() {
    super('DynamoDB Local needs Java, and `java` is not on PATH: install it with `apt-get install -y openjdk-17-jre-headless`.');
    this.name = 'JavaMissingError';
  }
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Runs java under a small shell that kills it as soon as its stdin closes. The parent holds
 * the other end of that pipe, so java goes away however the parent ends: stop(), a normal
 * exit, a signal, or a crash that runs no cleanup code at all.
 */
const WATCHDOG = [
  'trap "" INT',
  '"$@" </dev/null &',
  'java_pid=$!',
  'while read -r _; do :; done',
  'kill "$java_pid" 2>/dev/null',
  'wait "$java_pid"',
].join('\n');

function emulatorDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json');
  return path.join(path.dirname(packageJson), 'emulator');
}

function javaOnPath(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((directory) => {
    try {
      accessSync(path.join(directory || '.', 'java'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A low-level client for DynamoDB Local; it accepts any credentials. */
export function dynamoDbLocalClient(endpoint: string, maxAttempts?: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped by `amplify-dynamodb-simulator`) on a free
 * port, in memory or persisted under `dbPath`, and resolves once it answers ListTables.
 */
export async function startDynamoDbLocal(opts: { dbPath?: string } = {}): Promise<DynamoDbLocal> {
  if (!javaOnPath()) throw new JavaMissingError();
  const emulator = emulatorDirectory();
  const port = await freePort();
  const storage = opts.dbPath ? ['-dbPath', opts.dbPath] : ['-inMemory'];
  if (opts.dbPath) mkdirSync(opts.dbPath, { recursive: true });

  const javaArguments = [
    `-Djava.library.path=${path.join(emulator, 'DynamoDBLocal_lib')}`,
    '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
    '-jar', path.join(emulator, 'DynamoDBLocal.jar'),
    '-sharedDb', '-disableTelemetry', '-port', String(port), ...storage,
  ];
  // DynamoDB Local writes dynamodb-local-metadata.json into its working directory.
  const cwd = opts.dbPath ?? tmpdir();
  const child = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local', 'java', ...javaArguments], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });

  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  // Closing stdin is the stop signal; a watchdog that already died must not crash the parent.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const stop = async () => {
    if (hasExited()) return;
    child.stdin.end();
    const timer = setTimeout(() => {
      // The watchdog leads its own process group (detached), so this reaches java too.
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = dynamoDbLocalClient(endpoint, 1);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (hasExited()) throw new Error(`DynamoDB Local exited during start-up:\n${output.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS} ms`, { cause: error });
        await sleep(100);
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop };
}
