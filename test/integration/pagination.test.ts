/**
 * Cursor pagination of GET /organizations/ and GET /users/ (DRF's CursorPagination shape)
 * on a table that only this file writes to, so every id in it is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createOrganization, pathAndQuery, registerAccount, startTestApiWithAccount, walkPages } from '../support/accounts.js';
import type { TestApi } from '../support/local-api.js';

const INVALID_CURSOR = { detail: 'Invalid cursor' };

let api: TestApi;
let caller: Account;
/** Every organization id in the table, in creation order. */
const organizationIds: number[] = [];
/** Every user id in the table, in creation order. */
const userIds: number[] = [];

async function addOrganizations(count: number): Promise<void> {
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, () => createOrganization(api, caller.access, { description: null }));
    organizationIds.push(...(await Promise.all(batch)).map((organization) => organization.id));
  }
}

beforeAll(async () => {
  ({ api, account: caller } = await startTestApiWithAccount());
  userIds.push(caller.id);
  await addOrganizations(105);
});
afterAll(() => api?.stop());

const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsOf = (response: { json: { results: { id: number }[] } }) => response.json.results.map((item) => item.id);
const list = (path: string) => api.request('GET', path, { token: caller.access });
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

/** The ids of each page of a walk along `next`. */
async function walkForward(path: string, afterEachPage?: () => Promise<void>): Promise<{ ids: number[]; next: string | null; previous: string | null }[]> {
  const pages = await walkPages(api, path, caller.access, afterEachPage);
  return pages.map((page) => ({ ids: page.results.map((item) => item.id), next: page.next, previous: page.previous }));
}

describe('page size', () => {
  it('is 20 by default; the first page has no previous', async () => {
    const response = await list('/organizations/?users=0');

    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(['next', 'previous', 'results']);
    expect(idsOf(response)).toEqual(ascending(organizationIds).slice(0, 20));
    expect(response.json.previous).toBeNull();
    expect(response.json.next).toEqual(expect.any(String));
  });

  it.each([['1', 1], ['37', 37], ['100', 100], ['500', 100], ['0', 20], ['-1', 20], ['abc', 20]])(
    'page_size=%s gives %i items',
    async (pageSize, expected) => {
      const response = await list(`/organizations/?users=0&page_size=${pageSize}`);

      expect(idsOf(response)).toEqual(ascending(organizationIds).slice(0, expected));
    },
  );
});

describe('links', () => {
  it('are absolute URLs of the API that keep the other query parameters', async () => {
    const first = await list('/organizations/?users=0&page_size=5');

    const second = await fetch(first.json.next, { headers: { authorization: `Bearer ${caller.access}` } });
    const body = (await second.json()) as { previous: string; results: { id: number }[] };
    const previous = new URL(body.previous);

    expect(first.json.next).toMatch(new RegExp(`^${api.url}/organizations/\\?`));
    expect(new URL(first.json.next).searchParams.get('page_size')).toBe('5');
    expect(new URL(first.json.next).searchParams.get('users')).toBe('0');
    expect(second.status).toBe(200);
    expect(body.results.map((item) => item.id)).toEqual(ascending(organizationIds).slice(5, 10));
    expect(`${previous.origin}${previous.pathname}`).toBe(`${api.url}/organizations/`);
  });

  it('keep ?users=0 on the pages they lead to', async () => {
    const first = await list('/organizations/?users=0&page_size=3');

    const second = await list(pathAndQuery(first.json.next));

    expect(second.json.results).toHaveLength(3);
    expect(second.json.results.every((item: object) => !('users' in item))).toBe(true);
  });
});

describe('walking the list', () => {
  it('following next yields every item exactly once in id order, and the last page has no next', async () => {
    const pages = await walkForward('/organizations/?users=0&page_size=7');

    expect(pages.flatMap((page) => page.ids)).toEqual(ascending(organizationIds));
    expect(pages.slice(0, -1).every((page) => page.ids.length === 7 && page.next !== null)).toBe(true);
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages.slice(1).every((page) => page.previous !== null)).toBe(true);
  });

  it('following next yields every item exactly once while items are being added', async () => {
    const before = organizationIds.length;

    const pages = await walkForward('/organizations/?users=0&page_size=10', () => addOrganizations(1));

    const walked = pages.flatMap((page) => page.ids);
    expect(organizationIds.length).toBeGreaterThan(before);
    // One organization is added after each page, the last one after the walk ended: every other one is seen.
    expect(walked).toEqual(ascending(organizationIds).slice(0, -1));
  });

  it('following previous gives exactly the page before, back to the first page', async () => {
    const forward = await walkForward('/organizations/?users=0&page_size=10');

    const backward: number[][] = [];
    let previous = forward.at(-1)!.previous;
    while (previous !== null) {
      const response = await list(pathAndQuery(previous));
      expect(response.status, response.text).toBe(200);
      backward.push(idsOf(response));
      previous = response.json.previous;
    }

    expect(backward).toEqual(forward.slice(0, -1).map((page) => page.ids).reverse());
  });

  it('following next from a page reached backward continues where it was', async () => {
    const first = await list('/organizations/?users=0&page_size=4');
    const second = await list(pathAndQuery(first.json.next));
    const back = await list(pathAndQuery(second.json.previous));

    const again = await list(pathAndQuery(back.json.next));

    expect(idsOf(back)).toEqual(idsOf(first));
    expect(back.json.previous).toBeNull();
    expect(idsOf(again)).toEqual(idsOf(second));
  });

  it('pages users the same way, each with its organizations', async () => {
    for (let i = 0; i < 4; i++) userIds.push((await registerAccount(api, { organization_ids: [organizationIds[i]] })).id);

    const pages = await walkForward('/users/?page_size=2');
    const first = await list('/users/?page_size=2');

    expect(pages.flatMap((page) => page.ids)).toEqual(ascending(userIds));
    expect(first.json.results[0]).toEqual(caller.user);
    expect(first.json.results[1].organizations).toEqual([expect.objectContaining({ id: organizationIds[0] })]);
  });
});

describe('tampered cursors', () => {
  it.each([
    ['%%%', '%%%'],
    ['base64 of junk', cursorOf('junk!')],
    ['a=-1', cursorOf('a=-1')],
    ['an unknown direction', cursorOf('c=5')],
    ['a number too large', cursorOf('a=99999999999999999')],
    ['trailing text', cursorOf('a=1;b=2')],
    ['a raw a=1', 'a=1'],
  ])('answers 400 "Invalid cursor" to %s', async (_name, cursor) => {
    const organizations = await list(`/organizations/?cursor=${cursor}`);
    const users = await list(`/users/?cursor=${cursor}`);

    expect([organizations.status, organizations.json]).toEqual([400, INVALID_CURSOR]);
    expect([users.status, users.json]).toEqual([400, INVALID_CURSOR]);
  });

  it('answers in Russian', async () => {
    const response = await api.request('GET', `/users/?cursor=${cursorOf('junk')}`, { token: caller.access, headers: { 'accept-language': 'ru' } });

    expect([response.status, response.json]).toEqual([400, { detail: 'Неверный курсор' }]);
  });
});
