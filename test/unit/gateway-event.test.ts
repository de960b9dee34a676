import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApiEvent, isTextMediaType, requestTime, type GatewayRequest } from '../../infra/local/api-event.js';
import type { RouteMatch } from '../../infra/local/route-matcher.js';

const now = new Date('2026-12-03T10:04:05.678Z');
const route: RouteMatch = { routeKey: 'GET /users/{id}', functionName: 'users-retrieve', pathParameters: { id: '7' } };

function request(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'GET',
    url: '/users/7/',
    rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'curl/8.0'],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    serverAddress: '127.0.0.1:3000',
    ...overrides,
  };
}

describe('buildApiEvent', () => {
  it('builds the payload 2.0 event of a request without a body', () => {
    const event = buildApiEvent(request(), route, '/users/7', 'JKJaXmPLvHcESHA=', now);

    expect(event).toEqual({
      version: '2.0',
      routeKey: 'GET /users/{id}',
      rawPath: '/users/7/',
      rawQueryString: '',
      headers: {
        host: '127.0.0.1:3000',
        'user-agent': 'curl/8.0',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-port': '3000',
        'x-forwarded-proto': 'http',
      },
      pathParameters: { id: '7' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'local',
        domainName: '127.0.0.1:3000',
        domainPrefix: '127',
        http: { method: 'GET', path: '/users/7', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
        requestId: 'JKJaXmPLvHcESHA=',
        routeKey: 'GET /users/{id}',
        stage: '$default',
        time: '03/Dec/2026:10:04:05 +0000',
        timeEpoch: 1796292245678,
      },
      isBase64Encoded: false,
    });
    expect('body' in event).toBe(false);
  });

  it('joins repeated query parameters with commas and keeps the raw query string', () => {
    const event = buildApiEvent(request({ url: '/users?ids=1&ids=2&name=a%20b+c&empty=' }), route, '/users', 'id', now);

    expect(event.rawQueryString).toBe('ids=1&ids=2&name=a%20b+c&empty=');
    expect(event.queryStringParameters).toEqual({ ids: '1,2', name: 'a b c', empty: '' });
  });

  it('has no query parameters without a query string', () => {
    const event = buildApiEvent(request({ url: '/users?' }), route, '/users', 'id', now);

    expect(event.rawQueryString).toBe('');
    expect('queryStringParameters' in event).toBe(false);
  });

  it('lower-cases header names, joins repeated headers and moves cookies apart', () => {
    const rawHeaders = ['Host', 'x', 'X-Forwarded-For', '1.1.1.1', 'x-forwarded-for', '2.2.2.2', 'Cookie', 'a=1; b=2', 'cookie', 'c=3'];
    const event = buildApiEvent(request({ rawHeaders }), route, '/users/7', 'id', now);

    expect(event.headers).toEqual({
      host: 'x',
      'x-forwarded-for': '1.1.1.1,2.2.2.2, 127.0.0.1',
      'x-forwarded-port': '3000',
      'x-forwarded-proto': 'http',
    });
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.requestContext.http.userAgent).toBe('');
  });

  it('falls back to the server address without a Host header', () => {
    const event = buildApiEvent(request({ rawHeaders: [] }), route, '/users/7', 'id', now);

    expect(event.requestContext.domainName).toBe('127.0.0.1:3000');
  });

  it.each([
    ['application/json', false],
    ['application/json; charset=utf-8', false],
    ['Application/JSON', false],
    ['application/problem+json', false],
    ['application/x-www-form-urlencoded', false],
    ['application/xml', false],
    ['text/plain', false],
    ['text/html; charset=utf-8', false],
    ['multipart/form-data; boundary=x', true],
    ['image/png', true],
    ['application/octet-stream', true],
    ['application/jsonx', true],
    [undefined, true],
  ])('sends a %s body base64-encoded: %s', (contentType, base64) => {
    const rawHeaders = contentType ? ['Content-Type', contentType] : [];
    const event = buildApiEvent(request({ method: 'POST', rawHeaders, body: Buffer.from('{"a":"é"}') }), route, '/users', 'id', now);

    expect(event.isBase64Encoded).toBe(base64);
    expect(event.body).toBe(base64 ? Buffer.from('{"a":"é"}').toString('base64') : '{"a":"é"}');
    expect(isTextMediaType(contentType)).toBe(!base64);
  });

  it('hands the function back exactly the bytes sent, whatever the content type', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1 }), fc.constantFrom('image/png', 'application/octet-stream', 'multipart/form-data; boundary=b'), (bytes, contentType) => {
        const event = buildApiEvent(request({ rawHeaders: ['content-type', contentType], body: Buffer.from(bytes) }), route, '/', 'id', now);
        expect(Buffer.from(event.body ?? '', 'base64').equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});

describe('requestTime', () => {
  it('formats like API Gateway, in UTC', () => {
    expect(requestTime(new Date('2027-01-09T03:02:01Z'))).toBe('09/Jan/2027:03:02:01 +0000');
  });
});
