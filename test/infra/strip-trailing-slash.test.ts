import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripTrailingSlashSource } from '../../infra/constructs/project-paths.js';
import { stripTrailingSlash } from '../../infra/local/route-matcher.js';

interface ViewerRequest { uri: string; querystring: Record<string, { value: string }> }

// The file is deployed as is, so it runs here unchanged, in a context of its own.
const source = readFileSync(new URL(`../../${stripTrailingSlashSource}`, import.meta.url), 'utf8');
const handler = runInNewContext(`${source}\nhandler;`) as (event: { request: ViewerRequest }) => ViewerRequest;

const requestFor = (uri: string, querystring: ViewerRequest['querystring'] = {}) => ({ request: { uri, querystring } });

describe('strip-trailing-slash CloudFront Function', () => {
  it.each([
    ['/users/', '/users'],
    ['/users/7/', '/users/7'],
    ['/users', '/users'],
    ['/', '/'],
    ['/avatars/7/x.jpg', '/avatars/7/x.jpg'],
  ])('routes %s as %s', (uri, expected) => {
    expect(handler(requestFor(uri)).uri).toBe(expected);
  });

  it('keeps the query string, which CloudFront passes apart from the path', () => {
    // Prepare: /token/refresh/?a=b
    const event = requestFor('/token/refresh/', { a: { value: 'b' } });
    // Act
    const request = handler(event);
    // Assess
    expect(request).toEqual({ uri: '/token/refresh', querystring: { a: { value: 'b' } } });
  });

  it('routes every path as the local gateway does', () => {
    const segment = fc.constantFrom('', 'users', '7', 'token', 'refresh', 'x.jpg', '%20');
    const path = fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
    fc.assert(fc.property(path, (uri) => handler(requestFor(uri)).uri === stripTrailingSlash(uri)));
  });
});
