/**
 * The list query (page size, opaque cursor) and the next/previous links of a page.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageLinks, pageRequest } from '../../shared/http/pagination.js';

/** The parts of an HTTP API event that pagination reads. */
function listEvent(rawQueryString: string, headers: Record<string, string> = { host: 'api.example.com' }): APIGatewayProxyEventV2 {
  return { rawQueryString, headers, requestContext: { domainName: 'abc123.execute-api.us-east-1.amazonaws.com' } } as unknown as APIGatewayProxyEventV2;
}

const cursorOf = (link: string) => new URL(link).searchParams.get('cursor')!;
const encoded = (text: string) => encodeURIComponent(Buffer.from(text).toString('base64url'));

afterEach(() => {
  delete process.env.PUBLIC_BASE_URL;
});

describe('page size', () => {
  it.each([
    ['', DEFAULT_PAGE_SIZE], ['page_size=1', 1], ['page_size=100', 100], ['page_size=500', MAX_PAGE_SIZE],
    ['page_size=0', DEFAULT_PAGE_SIZE], ['page_size=-1', DEFAULT_PAGE_SIZE], ['page_size=abc', DEFAULT_PAGE_SIZE], ['page_size=2.5', DEFAULT_PAGE_SIZE],
  ])('%s gives pages of %i', (query, size) => {
    expect(pageRequest(listEvent(query))).toEqual({ size, position: undefined });
  });

  it('is 20 by default and at most 100', () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([20, 100]);
  });
});

describe('cursors', () => {
  it('round-trip: the next link leads after the last id, the previous link before the first', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER - 10 }), (first) => {
      const ids = [first, first + 3, first + 7];
      const event = listEvent('cursor=' + encoded(`a=${first - 1}`));

      const links = pageLinks(event, '/users/', pageRequest(event), { ids, hasMore: true });

      expect(pageRequest(listEvent(`cursor=${cursorOf(links.next!)}`)).position).toEqual({ after: first + 7 });
      expect(pageRequest(listEvent(`cursor=${cursorOf(links.previous!)}`)).position).toEqual({ before: first });
    }));
  });

  it.each([
    ['%%%', '%%%'], ['base64 of junk', encoded('junk!')], ['a=-1', encoded('a=-1')], ['another direction', encoded('c=5')],
    ['an unsafe integer', encoded('a=9999999999999999')], ['trailing text', encoded('a=1&b=2')],
  ])('refuses %s with 400 "Invalid cursor"', (_name, cursor) => {
    let refusal: unknown;
    try {
      pageRequest(listEvent(`cursor=${cursor}`));
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ statusCode: 400, body: { detail: { code: 'invalid_cursor' } } });
  });
});

describe('links', () => {
  it('the first page has a next link and no previous; the last page neither next', () => {
    const event = listEvent('page_size=2');

    const first = pageLinks(event, '/users/', pageRequest(event), { ids: [1, 2], hasMore: true });
    const only = pageLinks(event, '/users/', pageRequest(event), { ids: [1], hasMore: false });

    expect(first.previous).toBeNull();
    expect(first.next).toMatch(/^https:\/\/api\.example\.com\/users\/\?page_size=2&cursor=[A-Za-z0-9_-]+$/);
    expect(only).toEqual({ next: null, previous: null });
  });

  it('a page reached backward has a next link, and a previous one only when more lie before it', () => {
    const event = listEvent(`page_size=2&cursor=${encoded('b=5')}`);

    const middle = pageLinks(event, '/organizations/', pageRequest(event), { ids: [3, 4], hasMore: true });
    const first = pageLinks(event, '/organizations/', pageRequest(event), { ids: [1, 2], hasMore: false });

    expect(pageRequest(listEvent(`cursor=${cursorOf(middle.next!)}`)).position).toEqual({ after: 4 });
    expect(pageRequest(listEvent(`cursor=${cursorOf(middle.previous!)}`)).position).toEqual({ before: 3 });
    expect(first.previous).toBeNull();
  });

  it('use the forwarded host and protocol of the request', () => {
    const event = listEvent('', { host: 'internal', 'x-forwarded-host': 'api.example.org', 'x-forwarded-proto': 'http' });

    const { next } = pageLinks(event, '/users/', pageRequest(event), { ids: [1], hasMore: true });

    expect(next).toMatch(/^http:\/\/api\.example\.org\/users\/\?cursor=/);
  });

  it('use the configured public base URL when there is one', () => {
    process.env.PUBLIC_BASE_URL = 'https://d111111abcdef8.cloudfront.net/';
    const event = listEvent('users=0');

    const { next } = pageLinks(event, '/organizations/', pageRequest(event), { ids: [1], hasMore: true });

    expect(next).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/organizations\/\?users=0&cursor=/);
  });
});
