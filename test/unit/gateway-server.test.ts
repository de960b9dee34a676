import { request as httpRequest } from 'node:http';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../infra/local/gateway.js';
import { MAX_REQUEST_BODY_BYTES } from '../../infra/local/request-body.js';
import { binaryBody } from '../support/functions/binary.js';
import type { EchoReply } from '../support/functions/echo.js';
import { recordingHandlerLoader, testRouteTable } from '../support/test-functions.js';

const invoked: string[] = [];
let gateway: Gateway;

beforeAll(async () => {
  gateway = await startGateway({
    port: 0,
    routeTable: testRouteTable,
    loadHandler: recordingHandlerLoader(invoked),
    accessLog: false,
    logger: new Logger({ logLevel: 'SILENT' }),
  });
});
afterAll(() => gateway.stop());
beforeEach(() => {
  invoked.length = 0;
});

const echoed = async (response: Response) => (await response.json()) as EchoReply;

/** Sends a body in chunks without a Content-Length, as a streaming client does. */
function postChunked(path: string, chunk: Buffer, chunks: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (data: string) => (body += data));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (let i = 0; i < chunks; i++) req.write(chunk);
    req.end();
  });
}

describe('the local gateway', () => {
  it('routes a path with a trailing slash and passes the event and context', async () => {
    const response = await fetch(`${gateway.url}/items/12/?tag=a&tag=b`);
    const body = await echoed(response);

    expect(response.status).toBe(200);
    expect(body.event.routeKey).toBe('GET /items/{id}');
    expect(body.event.rawPath).toBe('/items/12/');
    expect(body.event.requestContext.http.path).toBe('/items/12');
    expect(body.event.pathParameters).toEqual({ id: '12' });
    expect(body.event.queryStringParameters).toEqual({ tag: 'a,b' });
    expect(body.functionName).toBe('echo');
    expect(body.remainingMs).toBeGreaterThan(28_000);
    expect(response.headers.get('apigw-requestid')).toBe(body.event.requestContext.requestId);
    expect(invoked).toEqual(['echo']);
  });

  it('gives every request its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await echoed(await fetch(`${gateway.url}/echo`))).event.requestContext.requestId));

    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('sends unmatched requests to the default route', async () => {
    const body = await echoed(await fetch(`${gateway.url}/nowhere`, { method: 'DELETE' }));

    expect(body.event.routeKey).toBe('$default');
    expect(body.event.requestContext.routeKey).toBe('$default');
  });

  it('passes a binary body base64-encoded', async () => {
    const response = await fetch(`${gateway.url}/echo`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: binaryBody });
    const { event } = await echoed(response);

    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(binaryBody.toString('base64'));
  });

  it('decodes a base64 result and turns cookies into Set-Cookie headers', async () => {
    const response = await fetch(`${gateway.url}/binary`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.getSetCookie()).toEqual(['first=1', 'second=2', 'third=3; HttpOnly']);
    expect(Buffer.from(await response.arrayBuffer()).equals(binaryBody)).toBe(true);
  });

  it.each(['/failure', '/malformed'])('answers a generic 500 when %s fails, and keeps serving', async (path) => {
    const response = await fetch(`${gateway.url}${path}`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(await response.json()).toEqual({ detail: 'A server error occurred.' });
    expect((await fetch(`${gateway.url}/echo`)).status).toBe(200);
  });

  it('accepts a body of exactly the size limit', async () => {
    const response = await fetch(`${gateway.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(MAX_REQUEST_BODY_BYTES, 1),
    });
    const { event } = await echoed(response);

    expect(response.status).toBe(200);
    expect(Buffer.from(event.body ?? '', 'base64').length).toBe(MAX_REQUEST_BODY_BYTES);
  });

  it('refuses a larger body by its Content-Length without invoking the function', async () => {
    const response = await fetch(`${gateway.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1),
    });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(await response.json()).toEqual({ detail: 'Request body too large.' });
    expect(invoked).toEqual([]);
  });

  it('refuses a larger streamed body without invoking the function', async () => {
    const response = await postChunked('/echo', Buffer.alloc(1024 * 1024), 7);

    expect(response).toEqual({ status: 413, body: '{"detail":"Request body too large."}' });
    expect(invoked).toEqual([]);
  });
});
