/**
 * API benchmark: latency (p50, p95, p99, max) and throughput of the main endpoints on the local
 * stack, that is the real function handlers in this process behind the local gateway, with
 * DynamoDB Local and the local S3 started for the run and removed after it.
 *
 *   npm run bench          # this, then the avatar benchmark
 *   npx tsx bench/api.ts   # this alone
 *
 * Data is seeded through the HTTP API only: USERS users, ORGANIZATIONS organizations and
 * MEMBERSHIPS_PER_USER memberships per user, set with PATCH organization_ids. Each endpoint then
 * gets a warm-up and a fixed number of requests at each concurrency level. Every response must
 * have the expected status, or the run fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { startLocalStack } from '../infra/local/stack.js';

const USERS = 200;
const ORGANIZATIONS = 20;
const MEMBERSHIPS_PER_USER = 3;
const CONCURRENCY_LEVELS = [1, 8];
const SEED_CONCURRENCY = 8;
const PASSWORD = 'bench-password-2026';

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token?: string;
  json?: unknown;
  expectedStatus: number;
}

interface Account {
  id: number;
  email: string;
  access: string;
}

interface Scenario {
  name: string;
  /** Timed requests at each concurrency level. */
  requests: number;
  /** Request `index` sent by worker `worker` (0 to concurrency - 1). */
  call(index: number, worker: number): Call;
}

interface Measurement {
  scenario: string;
  concurrency: number;
  requests: number;
  latenciesMs: number[];
  elapsedMs: number;
}

async function send(baseUrl: string, call: Call): Promise<any> {
  const headers: Record<string, string> = {};
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const response = await fetch(`${baseUrl}${call.path}`, {
    method: call.method,
    headers,
    body: call.json === undefined ? undefined : JSON.stringify(call.json),
  });
  const text = await response.text();
  if (response.status !== call.expectedStatus) {
    throw new Error(`${call.method} ${call.path} answered ${response.status} instead of ${call.expectedStatus}: ${text}`);
  }
  return text === '' ? undefined : JSON.parse(text);
}

/** Runs `task(0..count-1)` on `concurrency` workers, each taking the next index when it is free. */
async function inWorkers<T>(count: number, concurrency: number, task: (index: number, worker: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (workerIndex: number) => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index, workerIndex);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, (_, index) => worker(index)));
  return results;
}

/** Organization indexes of user `userIndex`: spread so that every organization gets the same number of members. */
function membershipsOf(userIndex: number): number[] {
  const stride = ORGANIZATIONS / MEMBERSHIPS_PER_USER;
  return Array.from({ length: MEMBERSHIPS_PER_USER }, (_, k) => (userIndex + Math.floor(k * stride)) % ORGANIZATIONS);
}

async function seed(baseUrl: string): Promise<Account[]> {
  const emails = Array.from({ length: USERS }, (_, index) => `bench-user-${index}@example.com`);
  const userIds = await inWorkers(USERS, SEED_CONCURRENCY, async (index) => {
    const user = await send(baseUrl, { method: 'POST', path: '/users/', json: { email: emails[index], password: PASSWORD }, expectedStatus: 201 });
    return user.id as number;
  });
  const accounts = await inWorkers(USERS, SEED_CONCURRENCY, async (index) => {
    const tokens = await send(baseUrl, { method: 'POST', path: '/token/', json: { email: emails[index], password: PASSWORD }, expectedStatus: 200 });
    return { id: userIds[index]!, email: emails[index]!, access: tokens.access as string };
  });
  const organizationIds = await inWorkers(ORGANIZATIONS, SEED_CONCURRENCY, async (index) => {
    const organization = await send(baseUrl, {
      method: 'POST', path: '/organizations/', token: accounts[0]!.access,
      json: { name: `Organization ${index}`, description: 'Seeded by the API benchmark' }, expectedStatus: 201,
    });
    return organization.id as number;
  });
  await inWorkers(USERS, SEED_CONCURRENCY, (index) => send(baseUrl, {
    method: 'PATCH', path: `/users/${accounts[index]!.id}/`, token: accounts[index]!.access,
    json: { organization_ids: membershipsOf(index).map((organization) => organizationIds[organization]) }, expectedStatus: 200,
  }));
  return accounts;
}

/** The first page of organizations must show every seeded membership, or the list scenarios measure less than they claim. */
async function checkSeed(baseUrl: string, account: Account): Promise<void> {
  const page = await send(baseUrl, { method: 'GET', path: `/organizations/?page_size=${ORGANIZATIONS}`, token: account.access, expectedStatus: 200 });
  const members = page.results.map((organization: { users: unknown[] }) => organization.users.length);
  const expected = (USERS * MEMBERSHIPS_PER_USER) / ORGANIZATIONS;
  if (members.length !== ORGANIZATIONS || members.some((count: number) => count !== expected)) {
    throw new Error(`Seeded organizations have ${members.join(', ')} members, expected ${ORGANIZATIONS} with ${expected} each`);
  }
}

function scenarios(accounts: readonly Account[]): Scenario[] {
  // Each worker calls as its own user, so concurrent edits never contend for one item.
  const caller = (worker: number) => accounts[worker]!;
  const get = (pathname: string) => (_index: number, worker: number): Call =>
    ({ method: 'GET', path: pathname, token: caller(worker).access, expectedStatus: 200 });
  return [
    {
      name: 'POST /token/',
      requests: 60,
      call: (index) => ({ method: 'POST', path: '/token/', json: { email: accounts[index % USERS]!.email, password: PASSWORD }, expectedStatus: 200 }),
    },
    { name: 'GET /users/me/', requests: 500, call: get('/users/me/') },
    {
      name: 'GET /users/{id}/',
      requests: 500,
      call: (index, worker) => ({ method: 'GET', path: `/users/${accounts[index % USERS]!.id}/`, token: caller(worker).access, expectedStatus: 200 }),
    },
    { name: 'GET /users/?page_size=20', requests: 400, call: get('/users/?page_size=20') },
    { name: 'GET /users/?page_size=100', requests: 200, call: get('/users/?page_size=100') },
    { name: 'GET /organizations/?page_size=20', requests: 150, call: get('/organizations/?page_size=20') },
    { name: 'GET /organizations/?page_size=20&users=0', requests: 500, call: get('/organizations/?page_size=20&users=0') },
    {
      name: 'PATCH /users/{id}/ (first_name)',
      requests: 300,
      call: (index, worker) => ({
        method: 'PATCH', path: `/users/${caller(worker).id}/`, token: caller(worker).access, json: { first_name: `Bench ${index}` }, expectedStatus: 200,
      }),
    },
    // Last: the organizations it adds would otherwise change what the list scenarios read.
    {
      name: 'POST /organizations/',
      requests: 300,
      call: (index, worker) => ({
        method: 'POST', path: '/organizations/', token: caller(worker).access, json: { name: `Bench organization ${index}` }, expectedStatus: 201,
      }),
    },
  ];
}

async function measure(baseUrl: string, scenario: Scenario, concurrency: number): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await inWorkers(scenario.requests, concurrency, async (index, worker) => {
    const sent = performance.now();
    await send(baseUrl, scenario.call(index, worker));
    latenciesMs.push(performance.now() - sent);
  });
  return { scenario: scenario.name, concurrency, requests: scenario.requests, latenciesMs, elapsedMs: performance.now() - started };
}

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function tableRow({ scenario, concurrency, requests, latenciesMs, elapsedMs }: Measurement): string {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const cells = [
    scenario, concurrency, requests,
    ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(1)),
    sorted[sorted.length - 1]!.toFixed(1),
    ((requests * 1000) / elapsedMs).toFixed(0),
  ];
  return `| ${cells.join(' | ')} |`;
}

const formatLoad = () => loadavg().map((load) => load.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'api-bench-'));
  const runStarted = performance.now();
  const startLoad = formatLoad();
  try {
    const stack = await startLocalStack({ port: 0, stateDir, persist: false, quiet: true });
    try {
      // Only now: the data layer reads the environment the stack has just set.
      const { config } = await import('../shared/config.js');
      const seedStarted = performance.now();
      const accounts = await seed(stack.url);
      await checkSeed(stack.url, accounts[0]!);
      const memberships = USERS * MEMBERSHIPS_PER_USER;
      console.log(`Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ` +
        `bcrypt cost ${config.bcryptCost()}, load average ${startLoad} at start`);
      console.log(`Seeded ${USERS} users, ${ORGANIZATIONS} organizations and ${memberships} memberships ` +
        `(${memberships / ORGANIZATIONS} per organization) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

      console.log('| endpoint | concurrency | requests | p50 ms | p95 ms | p99 ms | max ms | req/s |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const scenario of scenarios(accounts)) {
        const warmUp = { ...scenario, requests: Math.max(3, Math.round(scenario.requests / 10)) };
        await measure(stack.url, warmUp, Math.max(...CONCURRENCY_LEVELS));
        for (const concurrency of CONCURRENCY_LEVELS) console.log(tableRow(await measure(stack.url, scenario, concurrency)));
      }
      console.log(`\nLoad average ${formatLoad()} at end; whole run ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
    } finally {
      await stack.stop();
    }
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}

await main();
