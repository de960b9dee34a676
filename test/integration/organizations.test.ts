/**
 * The organization endpoints (create on both paths, list, retrieve) through the local gateway
 * on DynamoDB Local: field rules, members ordered by id, error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createOrganization, listAll, registerAccount, signUp, startTestApiWithAccount } from '../support/accounts.js';
import type { TestApi } from '../support/local-api.js';

const REQUIRED = 'This field is required.';
const NOT_FOUND = { detail: 'Not found.' };
const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };

let api: TestApi;
let caller: Account;

beforeAll(async () => ({ api, account: caller } = await startTestApiWithAccount()));
afterAll(() => api?.stop());

const create = (json: Record<string, unknown>, path = '/organizations/') => api.request('POST', path, { json, token: caller.access });
const retrieve = (id: number | string) => api.request('GET', `/organizations/${id}/`, { token: caller.access });
const memberOf = (user: { id: number; email: string; user: any }) => ({
  id: user.id, email: user.email, first_name: user.user.first_name, last_name: user.user.last_name,
});

describe('POST /organizations/', () => {
  it.each(['/organizations/', '/organizations/create/'])('creates on %s: 201, the organization with no users, and a Location', async (path) => {
    const response = await create({ name: 'OOO Organization', description: 'Org Description' }, path);

    expect(response.status).toBe(201);
    expect(response.json).toEqual({ id: expect.any(Number), name: 'OOO Organization', description: 'Org Description', users: [] });
    expect(response.headers.location).toBe(`/organizations/${response.json.id}/`);
    expect((await retrieve(response.json.id)).json).toEqual(response.json);
  });

  it('assigns increasing ids', async () => {
    const first = await createOrganization(api, caller.access);

    const second = await createOrganization(api, caller.access);

    expect(second.id).toBeGreaterThan(first.id);
  });

  it('answers 401 without a token', async () => {
    const response = await api.request('POST', '/organizations/', { json: { name: 'Anonymous' } });

    expect([response.status, response.json]).toEqual([401, NOT_PROVIDED]);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('accepts form and multipart bodies', async () => {
    const multipart = new FormData();
    multipart.append('name', 'Multipart Org');

    const form = await api.request('POST', '/organizations/', { form: { name: 'Form Org', description: 'From a form' }, token: caller.access });
    const parts = await api.request('POST', '/organizations/create/', { multipart, token: caller.access });

    expect([form.status, form.json]).toEqual([201, { id: expect.any(Number), name: 'Form Org', description: 'From a form', users: [] }]);
    expect([parts.status, parts.json]).toEqual([201, { id: expect.any(Number), name: 'Multipart Org', description: null, users: [] }]);
  });
});

describe('organization field rules', () => {
  it('trims the name and accepts 100 characters', async () => {
    const name = 'n'.repeat(100);

    const response = await create({ name: `  ${name}  ` });

    expect([response.status, response.json.name]).toEqual([201, name]);
  });

  it('refuses a name of 101 characters', async () => {
    const response = await create({ name: 'n'.repeat(101) });

    expect([response.status, response.json]).toEqual([400, { name: ['Ensure this field has no more than 100 characters.'] }]);
  });

  it('refuses a name that is blank after trimming', async () => {
    const response = await create({ name: '   ' });

    expect([response.status, response.json]).toEqual([400, { name: ['This field may not be blank.'] }]);
  });

  it('requires the name and refuses null', async () => {
    const missing = await create({ description: 'No name' });
    const nulled = await create({ name: null });

    expect([missing.status, missing.json]).toEqual([400, { name: [REQUIRED] }]);
    expect([nulled.status, nulled.json]).toEqual([400, { name: ['This field may not be null.'] }]);
  });

  it('accepts a description of 10000 characters', async () => {
    const description = 'd'.repeat(10_000);

    const response = await create({ name: 'Long description', description });

    expect([response.status, response.json.description]).toEqual([201, description]);
  });

  it('refuses a description of 10001 characters', async () => {
    const response = await create({ name: 'Too long description', description: 'd'.repeat(10_001) });

    expect([response.status, response.json]).toEqual([400, { description: ['Ensure this field has no more than 10000 characters.'] }]);
  });

  it('makes an omitted or null description null', async () => {
    const omitted = await create({ name: 'No description' });
    const nulled = await create({ name: 'Null description', description: null });

    expect([omitted.status, omitted.json.description]).toEqual([201, null]);
    expect([nulled.status, nulled.json.description]).toEqual([201, null]);
  });

  it('refuses unknown fields', async () => {
    const response = await create({ name: 'Unknown', owner: 1 });

    expect([response.status, response.json]).toEqual([400, { owner: ['Unknown field.'] }]);
  });

  it('ignores the read-only fields id and users', async () => {
    const response = await create({ id: 999_999, name: 'Read only', users: [{ id: caller.id }] });

    expect(response.status).toBe(201);
    expect(response.json.id).not.toBe(999_999);
    expect(response.json.users).toEqual([]);
  });
});

describe('GET /organizations/{id}/', () => {
  it('returns the organization with its users ordered by id, whatever the order they joined in', async () => {
    const organization = await createOrganization(api, caller.access, { name: 'Members', description: null });
    const first = await signUp(api, { first_name: 'First' });
    const second = await signUp(api, { last_name: 'Second' });
    await api.request('PATCH', `/users/${second.id}/`, { json: { organization_ids: [organization.id] }, token: second.access });
    await api.request('PATCH', `/users/${first.id}/`, { json: { organization_ids: [organization.id] }, token: first.access });

    const response = await retrieve(organization.id);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: organization.id, name: 'Members', description: null, users: [memberOf(first), memberOf(second)] });
  });

  it('answers 404 for an organization that does not exist', async () => {
    const response = await retrieve(987_654_321);

    expect([response.status, response.json]).toEqual([404, NOT_FOUND]);
  });

  it.each(['abc', '0', '-3', '1.5', '123456789012345678901234567890'])('answers 404 for the id %s', async (id) => {
    const response = await retrieve(id);

    expect([response.status, response.json]).toEqual([404, NOT_FOUND]);
  });

  it('answers 401 without a token', async () => {
    const response = await api.request('GET', '/organizations/1/');

    expect([response.status, response.json]).toEqual([401, NOT_PROVIDED]);
  });
});

describe('GET /organizations/', () => {
  it('lists organizations in id order, each with its users ordered by id', async () => {
    const empty = await createOrganization(api, caller.access);
    const shared = await createOrganization(api, caller.access);
    const later = await registerAccount(api, { organization_ids: [shared.id] });
    const earlier = await signUp(api);
    await api.request('PATCH', `/users/${earlier.id}/`, { json: { organization_ids: [shared.id] }, token: earlier.access });
    const members = [memberOf(earlier), memberOf(later)].sort((a, b) => a.id - b.id);

    const organizations = await listAll(api, '/organizations/?page_size=100', caller.access);

    const ids = organizations.map((organization) => organization.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(organizations.find((organization) => organization.id === empty.id)).toEqual(empty);
    expect(organizations.find((organization) => organization.id === shared.id)).toEqual({ ...shared, users: members });
  });

  it('leaves the users arrays out with ?users=0', async () => {
    const organization = await createOrganization(api, caller.access, { name: 'Without users', description: 'Summary' });
    await registerAccount(api, { organization_ids: [organization.id] });

    const organizations = await listAll(api, '/organizations/?users=0&page_size=100', caller.access);

    expect(organizations.find((item) => item.id === organization.id)).toEqual({ id: organization.id, name: 'Without users', description: 'Summary' });
    expect(organizations.every((item) => !('users' in item))).toBe(true);
  });

  it('answers 401 without a token', async () => {
    const response = await api.request('GET', '/organizations/');

    expect([response.status, response.json]).toEqual([401, NOT_PROVIDED]);
  });
});
