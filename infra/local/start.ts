/**
 * `npm start`: the local stack on PORT (3000) with its data kept in LOCAL_STATE_DIR
 * (`.local/`), demo data loaded on the first start.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoLogin } from '../../fixtures/load.js';
import { JavaMissingError } from './dynamodb-local.js';
import { PortInUseError } from './gateway.js';
import { startLocalStack, type LocalStack } from './stack.js';

const PROJECT_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

function portFromEnvironment(): number {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) exitWith(`PORT must be a port number, not "${process.env.PORT}".`);
  return port;
}

function banner(stack: LocalStack, stateDir: string, logins: readonly DemoLogin[], created: boolean): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  return [
    '',
    `  API     ${stack.url}/`,
    `  Docs    ${stack.url}/docs/`,
    `  Data    ${stateDir}`,
    '',
    `  Demo logins${created ? ' (demo data loaded now)' : ''}:`,
    ...logins.map((login) => `    ${login.email.padEnd(width)}  ${login.password}${login.superuser ? '  (superuser)' : ''}`),
    '',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n');
}

async function start(): Promise<void> {
  const stateDir = path.resolve(process.env.LOCAL_STATE_DIR || path.join(PROJECT_ROOT, '.local'));
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port: portFromEnvironment(), stateDir, persist: true });
  } catch (error) {
    if (error instanceof JavaMissingError || error instanceof PortInUseError) exitWith(error.message);
    throw error;
  }

  // Ctrl-C reaches tsx and this process alike, and tsx may relay it once more: stop once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stack.stop().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Imported only now: the fixtures use the data layer, which reads its settings at import.
  try {
    const { loadDemoFixtures } = await import('../../fixtures/load.js');
    const fixtures = await loadDemoFixtures();
    console.log(banner(stack, stateDir, fixtures.logins, fixtures.created));
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

await start();
