/**
 * Accounts and organizations made through the API, and lists read through it, for integration
 * tests. Test files run in parallel and tests within a file share a table, so every email is unique.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { startTestApi, type TestApi } from './local-api.js';

export const DEFAULT_PASSWORD = 'correct horse battery';

/** `<label>-<random>@example.com`; the label tells which test made it. */
export const uniqueEmail = (label = 'user'): string => `${label}-${randomBytes(5).toString('hex')}@example.com`;

export interface Tokens {
  access: string;
  refresh: string;
}

export interface RegisteredUser {
  id: number;
  email: string;
  password: string;
  /** The user as the API returned it. */
  user: any;
}

export interface Account extends RegisteredUser, Tokens {}

/** POST /users/ with a unique email and the default password unless `fields` say otherwise; expects a 201. */
export async function registerAccount(api: TestApi, fields: Record<string, unknown> = {}): Promise<RegisteredUser> {
  const input = { email: uniqueEmail(), password: DEFAULT_PASSWORD, ...fields };
  const response = await api.request('POST', '/users/', { json: input });
  expect(response.status, response.text).toBe(201);
  return { id: response.json.id, email: String(input.email), password: String(input.password), user: response.json };
}

/** POST /token/; expects a 200. */
export async function logIn(api: TestApi, email: string, password: string): Promise<Tokens> {
  const response = await api.request('POST', '/token/', { json: { email, password } });
  expect(response.status, response.text).toBe(200);
  return response.json;
}

/** A registered user with a fresh token pair. */
export async function signUp(api: TestApi, fields: Record<string, unknown> = {}): Promise<Account> {
  const registered = await registerAccount(api, fields);
  return { ...registered, ...(await logIn(api, registered.email, registered.password)) };
}

/** The test file's local stack and one signed-up account to call it with. */
export async function startTestApiWithAccount(): Promise<{ api: TestApi; account: Account }> {
  const api = await startTestApi();
  return { api, account: await signUp(api) };
}

/**
 * A superuser with a fresh token pair. The API cannot make one, so it is registered in this
 * worker, which the test stack has pointed at its table (the module is loaded only now).
 */
export async function signUpSuperuser(api: TestApi): Promise<Account> {
  const { registerUser } = await import('../../shared/users/register-user.js');
  const email = uniqueEmail('admin');
  const record = await registerUser({ email, password: DEFAULT_PASSWORD }, { superuser: true });
  const tokens = await logIn(api, email, DEFAULT_PASSWORD);
  const user = (await api.request('GET', '/users/me/', { token: tokens.access })).json;
  return { id: record.id, email, password: DEFAULT_PASSWORD, user, ...tokens };
}

/** POST /organizations/; expects a 201. */
export async function createOrganization(api: TestApi, token: string, fields: Record<string, unknown> = {}): Promise<any> {
  const input = { name: `Organization ${randomBytes(3).toString('hex')}`, description: 'Made by a test', ...fields };
  const response = await api.request('POST', '/organizations/', { json: input, token });
  expect(response.status, response.text).toBe(201);
  return response.json;
}

export interface ListPage {
  results: any[];
  next: string | null;
  previous: string | null;
}

/**
 * The pages of a list endpoint from `path`, following `next` to the end; `afterEachPage` runs
 * after each one. Links are followed by their path and query, so the walk does not depend on
 * the origin the API puts in front of them.
 */
export async function walkPages(api: TestApi, path: string, token: string, afterEachPage = async () => {}): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let next: string | null = path;
  while (next !== null) {
    const response = await api.request('GET', next, { token });
    expect(response.status, response.text).toBe(200);
    pages.push(response.json);
    next = response.json.next === null ? null : pathAndQuery(response.json.next);
    await afterEachPage();
  }
  return pages;
}

/** Every item of a list endpoint. */
export const listAll = async (api: TestApi, path: string, token: string): Promise<any[]> =>
  (await walkPages(api, path, token)).flatMap((page) => page.results);

/** `/users/?cursor=...` of an absolute link. */
export const pathAndQuery = (link: string): string => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
