/**
 * `npm run bench`: the API benchmark, then the avatar benchmark, each in a Node process of its
 * own (the API benchmark sets the handlers' environment and runs DynamoDB Local while it lasts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks = [
  { title: 'API (local stack)', file: 'api.ts' },
  { title: 'Avatar resize', file: 'avatar.ts' },
];

for (const { title, file } of benchmarks) {
  console.log(`\n## ${title}\n`);
  // execArgv carries tsx's loader, so the child runs TypeScript as this process does.
  const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench/${file} failed (${result.signal ?? `exit code ${result.status}`})`);
    process.exit(1);
  }
}
