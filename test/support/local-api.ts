import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { HandlerLoader } from '../../infra/local/gateway.js';
import type { RouteTable } from '../../infra/local/route-matcher.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';

export interface RequestOptions {
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`; a list repeats its key. */
  form?: Record<string, string | number | readonly (string | number)[]>;
  /** Sent as `multipart/form-data`. */
  multipart?: FormData;
  body?: string | Uint8Array;
  contentType?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The parsed body of a JSON response, otherwise undefined. Typed loosely so tests can reach into it. */
  json: any;
  text: string;
}

export interface TestApi {
  url: string;
  stack: LocalStack;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  stop(): Promise<void>;
}

function formBody(form: NonNullable<RequestOptions['form']>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const item of [value].flat()) body.append(name, String(item));
  }
  return body;
}

function requestBody(options: RequestOptions): { body?: string | Uint8Array | URLSearchParams | FormData; contentType?: string } {
  if (options.json !== undefined) return { body: JSON.stringify(options.json), contentType: 'application/json' };
  if (options.form) return { body: formBody(options.form), contentType: 'application/x-www-form-urlencoded' };
  // fetch sets the multipart content type with its boundary.
  if (options.multipart) return { body: options.multipart };
  return { body: options.body };
}

async function send(baseUrl: string, method: string, urlPath: string, options: RequestOptions): Promise<ApiResponse> {
  const { body, contentType } = requestBody(options);
  const headers: Record<string, string> = { ...options.headers };
  const type = options.contentType ?? contentType;
  if (type) headers['content-type'] = type;
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const response = await fetch(`${baseUrl}${urlPath}`, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  const isJson = /\bjson\b/.test(response.headers.get('content-type') ?? '');
  let json: unknown;
  if (isJson && text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${urlPath} answered invalid JSON: ${text}`);
    }
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), json, text };
}

/**
 * The local stack for one test file: in this worker, on a free port, against the run's
 * shared DynamoDB Local with a table and bucket of its own, state in a temporary folder.
 * Pass a route table and handler loader to serve test functions instead of the real ones.
 */
export async function startTestApi(opts: { routeTable?: RouteTable; loadHandler?: HandlerLoader } = {}): Promise<TestApi> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'test-api-'));
  const suffix = randomBytes(4).toString('hex');
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      port: 0,
      stateDir,
      persist: false,
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      tableName: `test-${suffix}`,
      bucketName: `avatars-${suffix}`,
      quiet: true,
      ...opts,
    });
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: stack.url,
    stack,
    request: (method, urlPath, options = {}) => send(stack.url, method, urlPath, options),
    async stop() {
      await stack.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
