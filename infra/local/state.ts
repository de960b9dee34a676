import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a running local stack publishes in `<stateDir>/endpoints.json` for operator tools. */
export interface LocalEndpoints {
  api: string;
  dynamodb: string;
  s3: string;
  tableName: string;
  bucketName: string;
  pid: number;
}

const endpointsFile = (stateDir: string) => path.join(stateDir, 'endpoints.json');

export async function writeEndpoints(stateDir: string, endpoints: LocalEndpoints): Promise<void> {
  await writeFile(endpointsFile(stateDir), `${JSON.stringify(endpoints, null, 2)}\n`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The endpoints of the stack running on `stateDir`, or undefined when none is running
 * (no file, or one left behind by a stack that was killed).
 */
export async function readEndpoints(stateDir: string): Promise<LocalEndpoints | undefined> {
  let endpoints: LocalEndpoints;
  try {
    endpoints = JSON.parse(await readFile(endpointsFile(stateDir), 'utf8')) as LocalEndpoints;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return isRunning(endpoints.pid) ? endpoints : undefined;
}

export async function removeEndpoints(stateDir: string): Promise<void> {
  await rm(endpointsFile(stateDir), { force: true });
}
