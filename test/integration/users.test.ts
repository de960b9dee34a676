/**
 * The user endpoints (register, list, retrieve, me, update, replace, delete) through the local
 * gateway on DynamoDB Local, against the contract's field rules and error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createOrganization,
  DEFAULT_PASSWORD,
  listAll,
  registerAccount,
  signUp,
  signUpSuperuser,
  startTestApiWithAccount,
  uniqueEmail,
} from '../support/accounts.js';
import type { TestApi } from '../support/local-api.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const USER_KEYS = ['avatar', 'date_joined', 'email', 'first_name', 'id', 'last_name', 'organizations', 'phone'];
const REQUIRED = 'This field is required.';
const INVALID_PHONE = 'Enter a valid phone number: 9 to 15 digits with an optional leading +.';
const EMAIL_TAKEN = 'A user with this email already exists.';
const TOO_SIMILAR = 'The password is too similar to the email.';
const NOT_FOUND = { detail: 'Not found.' };
const PERMISSION_DENIED = { detail: 'You do not have permission to perform this action.' };
const NO_ACTIVE_ACCOUNT = { detail: 'No active account found with the given credentials' };
const TOKEN_NOT_VALID = { detail: 'Given token not valid for any token type', code: 'token_not_valid' };
const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };
const NOT_POSITIVE_INTEGERS = ['abc', '0', '-3', '1.5', '123456789012345678901234567890'];

let api: TestApi;
let caller: Account;

beforeAll(async () => ({ api, account: caller } = await startTestApiWithAccount()));
afterAll(() => api?.stop());

/** A unique, valid email of exactly `length` characters: a 64-character local part and domain labels of at most 63. */
function emailOfLength(length: number): string {
  const local = uniqueEmail('long').split('@')[0]!.padEnd(64, 'x');
  const labels: string[] = [];
  let left = length - local.length - '@'.length - '.com'.length;
  for (; left > 63; left -= 64) labels.push('d'.repeat(63));
  labels.push('d'.repeat(left));
  return `${local}@${labels.join('.')}.com`;
}

const summaryOf = (organization: { id: number; name: string; description: string | null }) => ({
  id: organization.id, name: organization.name, description: organization.description,
});

const register = (json: Record<string, unknown>) => api.request('POST', '/users/', { json });
const getUser = (id: number, token = caller.access) => api.request('GET', `/users/${id}/`, { token });
const patchUser = (id: number, json: Record<string, unknown>, token: string) => api.request('PATCH', `/users/${id}/`, { json, token });
const putUser = (id: number, json: Record<string, unknown>, token: string) => api.request('PUT', `/users/${id}/`, { json, token });
const tryLogIn = (email: string, password: string) => api.request('POST', '/token/', { json: { email, password } });

describe('POST /users/', () => {
  it('creates the user: 201, its representation without the password, and a Location', async () => {
    const organization = await createOrganization(api, caller.access, { name: 'OOO Organization', description: 'Org Description' });
    const email = uniqueEmail('Jane');

    const response = await register({
      email, password: DEFAULT_PASSWORD, first_name: 'Jane', last_name: 'Doe', phone: '+79876543210', organization_ids: [organization.id],
    });

    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      id: expect.any(Number),
      email,
      first_name: 'Jane',
      last_name: 'Doe',
      phone: '+79876543210',
      avatar: null,
      organizations: [{ id: organization.id, name: 'OOO Organization', description: 'Org Description' }],
      date_joined: expect.stringMatching(DATE_TIME),
    });
    expect(response.headers.location).toBe(`/users/${response.json.id}/`);
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('sets the optional fields it is not given to null and the organizations to none', async () => {
    const email = uniqueEmail();

    const response = await register({ email, password: DEFAULT_PASSWORD });

    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      id: expect.any(Number), email, first_name: null, last_name: null, phone: null, avatar: null, organizations: [],
      date_joined: expect.stringMatching(DATE_TIME),
    });
  });

  it('assigns increasing ids', async () => {
    const first = await registerAccount(api);

    const second = await registerAccount(api);

    expect(second.id).toBeGreaterThan(first.id);
  });

  it('accepts a form body with repeated organization_ids keys', async () => {
    const one = await createOrganization(api, caller.access);
    const two = await createOrganization(api, caller.access);
    const email = uniqueEmail('form');

    const response = await api.request('POST', '/users/', {
      form: { email, password: DEFAULT_PASSWORD, first_name: 'Form', organization_ids: [two.id, one.id] },
    });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ email, first_name: 'Form', last_name: null, organizations: [summaryOf(one), summaryOf(two)] });
  });

  it('accepts a multipart body', async () => {
    const email = uniqueEmail('multipart');
    const body = new FormData();
    body.append('email', email);
    body.append('password', DEFAULT_PASSWORD);
    body.append('last_name', 'Parts');

    const response = await api.request('POST', '/users/', { multipart: body });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ email, first_name: null, last_name: 'Parts', avatar: null });
  });

  it('ignores the read-only fields of the representation', async () => {
    const email = uniqueEmail('readonly');

    const response = await register({
      email, password: DEFAULT_PASSWORD, id: 999_999, avatar: 'https://example.com/a.jpg',
      organizations: [{ id: 1, name: 'x', description: null }], date_joined: '2000-01-01T00:00:00Z',
    });

    expect(response.status).toBe(201);
    expect(response.json.id).not.toBe(999_999);
    expect(response.json).toMatchObject({ email, avatar: null, organizations: [] });
    expect(response.json.date_joined).not.toBe('2000-01-01T00:00:00Z');
  });

  it('refuses is_superuser as an unknown field and creates nothing', async () => {
    const email = uniqueEmail('sneaky');

    const response = await register({ email, password: DEFAULT_PASSWORD, is_superuser: true });
    const login = await tryLogIn(email, DEFAULT_PASSWORD);

    expect([response.status, response.json]).toEqual([400, { is_superuser: ['Unknown field.'] }]);
    expect([login.status, login.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
  });

  it('refuses unknown fields', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, nickname: 'JJ' });

    expect([response.status, response.json]).toEqual([400, { nickname: ['Unknown field.'] }]);
  });

  it('requires email and password', async () => {
    const response = await register({});

    expect([response.status, response.json]).toEqual([400, { email: [REQUIRED], password: [REQUIRED] }]);
  });

  it('takes numbers for text fields as their text, as DRF does', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, first_name: 42, phone: 79876543210 });

    expect([response.status, response.json.first_name, response.json.phone]).toEqual([201, '42', '79876543210']);
  });

  it('refuses null for email and password', async () => {
    const response = await register({ email: null, password: null });

    expect([response.status, response.json]).toEqual([
      400, { email: ['This field may not be null.'], password: ['This field may not be null.'] },
    ]);
  });
});

describe('email rules', () => {
  it('accepts 254 characters', async () => {
    const email = emailOfLength(254);

    const response = await register({ email, password: DEFAULT_PASSWORD });

    expect(email).toHaveLength(254);
    expect([response.status, response.json.email]).toEqual([201, email]);
  });

  it('refuses 255 characters', async () => {
    const email = emailOfLength(255);

    const response = await register({ email, password: DEFAULT_PASSWORD });

    expect(email).toHaveLength(255);
    expect([response.status, response.json]).toEqual([400, { email: ['Ensure this field has no more than 254 characters.'] }]);
  });

  it('refuses an invalid address', async () => {
    const response = await register({ email: 'not-an-email', password: DEFAULT_PASSWORD });

    expect([response.status, response.json]).toEqual([400, { email: ['Enter a valid email address.'] }]);
  });

  it('refuses a blank address', async () => {
    const response = await register({ email: '   ', password: DEFAULT_PASSWORD });

    expect([response.status, response.json]).toEqual([400, { email: ['This field may not be blank.'] }]);
  });

  it('trims surrounding spaces', async () => {
    const email = uniqueEmail('Spaced');

    const response = await register({ email: `  ${email}  `, password: DEFAULT_PASSWORD });
    const login = await tryLogIn(email, DEFAULT_PASSWORD);

    expect([response.status, response.json.email]).toEqual([201, email]);
    expect(login.status).toBe(200);
  });

  it('is unique regardless of case and shown as first entered', async () => {
    const email = uniqueEmail('Casey').replace('example.com', 'Example.COM');
    const first = await registerAccount(api, { email });

    const second = await register({ email: email.toLowerCase(), password: 'another good password' });
    const third = await register({ email: ` ${email.toUpperCase()} `, password: 'another good password' });
    const shown = await getUser(first.id);
    const login = await tryLogIn(email.toUpperCase(), DEFAULT_PASSWORD);

    expect([second.status, second.json]).toEqual([400, { email: [EMAIL_TAKEN] }]);
    expect([third.status, third.json]).toEqual([400, { email: [EMAIL_TAKEN] }]);
    expect(shown.json.email).toBe(email);
    expect(login.status).toBe(200);
  });
});

describe('concurrent writes', () => {
  it('registers one account when one address arrives twice at once in different cases', async () => {
    const email = uniqueEmail('twice');

    const responses = await Promise.all([
      register({ email, password: DEFAULT_PASSWORD }),
      register({ email: email.toUpperCase(), password: DEFAULT_PASSWORD }),
    ]);

    const outcomes = responses.map((response) => [response.status, response.status === 201 ? 'created' : response.json]);
    expect(outcomes.sort()).toEqual([[201, 'created'], [400, { email: [EMAIL_TAKEN] }]]);
  });

  it('keeps both of two edits of one profile made at once', async () => {
    const account = await signUp(api);

    const [first, last] = await Promise.all([
      patchUser(account.id, { first_name: 'Both' }, account.access),
      patchUser(account.id, { last_name: 'Kept' }, account.access),
    ]);
    const after = await getUser(account.id);

    expect([first.status, last.status]).toEqual([200, 200]);
    expect(after.json).toEqual({ ...account.user, first_name: 'Both', last_name: 'Kept' });
  });
});

describe('password rules', () => {
  it('refuses 7 characters', async () => {
    const response = await register({ email: uniqueEmail(), password: 'abcdefg' });

    expect([response.status, response.json]).toEqual([
      400, { password: ['This password is too short. It must contain at least 8 characters.'] },
    ]);
  });

  it('accepts 8 characters', async () => {
    const account = await registerAccount(api, { password: 'abcdefgh' });

    const login = await tryLogIn(account.email, 'abcdefgh');

    expect(login.status).toBe(200);
  });

  it('accepts 128 characters', async () => {
    const password = 'p'.repeat(127) + '!';
    const account = await registerAccount(api, { password });

    const login = await tryLogIn(account.email, password);

    expect(login.status).toBe(200);
  });

  it('refuses 129 characters', async () => {
    const response = await register({ email: uniqueEmail(), password: 'p'.repeat(129) });

    expect([response.status, response.json]).toEqual([400, { password: ['Ensure this field has no more than 128 characters.'] }]);
  });

  it('refuses an entirely numeric password', async () => {
    const response = await register({ email: uniqueEmail(), password: '1234567890' });

    expect([response.status, response.json]).toEqual([400, { password: ['This password is entirely numeric.'] }]);
  });

  it('refuses the email itself, in any case', async () => {
    const email = uniqueEmail('same');

    const response = await register({ email, password: email.toUpperCase() });

    expect([response.status, response.json]).toEqual([400, { password: [TOO_SIMILAR] }]);
  });

  it('refuses the local part of the email, in any case', async () => {
    const email = uniqueEmail('Marguerite');

    const response = await register({ email, password: email.split('@')[0]!.toUpperCase() });

    expect([response.status, response.json]).toEqual([400, { password: [TOO_SIMILAR] }]);
  });

  it('counts every character: two 100-character passwords differing only after byte 72 are different', async () => {
    const shared = 'x'.repeat(80);
    const account = await registerAccount(api, { password: `${shared}${'a'.repeat(20)}` });

    const withOther = await tryLogIn(account.email, `${shared}${'b'.repeat(20)}`);
    const withOwn = await tryLogIn(account.email, account.password);

    expect([withOther.status, withOther.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect(withOwn.status).toBe(200);
  });
});

describe('name rules', () => {
  it('accepts 150 characters and trims surrounding spaces', async () => {
    const name = 'n'.repeat(150);

    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, first_name: ` ${name} `, last_name: name });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ first_name: name, last_name: name });
  });

  it('refuses 151 characters', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, first_name: 'n'.repeat(151), last_name: 'n'.repeat(151) });

    const message = 'Ensure this field has no more than 150 characters.';
    expect([response.status, response.json]).toEqual([400, { first_name: [message], last_name: [message] }]);
  });

  it('accepts null', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, first_name: null, last_name: null });

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ first_name: null, last_name: null });
  });
});

describe('phone rules', () => {
  it('drops spaces, dashes and parentheses', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, phone: '+7 (987) 654-32-10' });

    expect([response.status, response.json.phone]).toEqual([201, '+79876543210']);
  });

  it.each(['123456789', '+123456789012345'])('accepts %s (9 and 15 digits)', async (phone) => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, phone });

    expect([response.status, response.json.phone]).toEqual([201, phone]);
  });

  it.each(['12345678', '+1234567890123456', '12345abc9', '++123456789', '123+456789'])('refuses %s', async (phone) => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, phone });

    expect([response.status, response.json]).toEqual([400, { phone: [INVALID_PHONE] }]);
  });
});

describe('organization_ids', () => {
  it('refuses an unknown id with the exact message and creates no user', async () => {
    const known = await createOrganization(api, caller.access);
    const email = uniqueEmail('orphan');

    const response = await register({ email, password: DEFAULT_PASSWORD, organization_ids: [known.id, 999_999] });
    const login = await tryLogIn(email, DEFAULT_PASSWORD);
    const members = await api.request('GET', `/organizations/${known.id}/`, { token: caller.access });

    expect([response.status, response.json]).toEqual([400, { organization_ids: ['Invalid pk "999999" - object does not exist.'] }]);
    expect([login.status, login.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect(members.json.users).toEqual([]);
  });

  it('refuses a non-numeric id', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, organization_ids: ['abc'] });

    expect([response.status, response.json]).toEqual([400, { organization_ids: ['Incorrect type. Expected pk value, received str.'] }]);
  });

  it('refuses a value that is not a list', async () => {
    const response = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, organization_ids: 5 });

    expect([response.status, response.json]).toEqual([400, { organization_ids: ['Expected a list of items but got type "int".'] }]);
  });

  it('refuses a non-numeric id in a form body', async () => {
    const response = await api.request('POST', '/users/', {
      form: { email: uniqueEmail(), password: DEFAULT_PASSWORD, organization_ids: ['1', 'x'] },
    });

    expect([response.status, response.json]).toEqual([400, { organization_ids: ['Incorrect type. Expected pk value, received str.'] }]);
  });

  it('accepts ids as JSON strings, collapses duplicates and orders the organizations by id', async () => {
    const one = await createOrganization(api, caller.access);
    const two = await createOrganization(api, caller.access);
    const three = await createOrganization(api, caller.access);

    const response = await register({
      email: uniqueEmail(), password: DEFAULT_PASSWORD, organization_ids: [String(three.id), one.id, String(two.id), three.id],
    });

    expect(response.status).toBe(201);
    expect(response.json.organizations).toEqual([summaryOf(one), summaryOf(two), summaryOf(three)]);
  });
});

describe('GET /users/{id}/ and /users/me/', () => {
  it('returns another user with their organizations', async () => {
    const organization = await createOrganization(api, caller.access);
    const other = await registerAccount(api, { first_name: 'Other', organization_ids: [organization.id] });

    const response = await getUser(other.id);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ...other.user, organizations: [summaryOf(organization)] });
  });

  it('returns the caller on /users/me/', async () => {
    const response = await api.request('GET', '/users/me/', { token: caller.access });

    expect(response.status).toBe(200);
    expect(response.json).toEqual(caller.user);
  });

  it('answers 404 for an id that does not exist', async () => {
    const response = await getUser(987_654_321);

    expect([response.status, response.json]).toEqual([404, NOT_FOUND]);
  });

  it.each(NOT_POSITIVE_INTEGERS)('answers 404 on GET, PATCH, PUT and DELETE for the id %s', async (id) => {
    const statuses = [];
    for (const method of ['GET', 'PATCH', 'PUT', 'DELETE']) {
      const body = method === 'PATCH' || method === 'PUT' ? { json: { email: caller.email } } : {};
      const response = await api.request(method, `/users/${id}/`, { token: caller.access, ...body });
      statuses.push([method, response.status, response.json]);
    }

    expect(statuses).toEqual(['GET', 'PATCH', 'PUT', 'DELETE'].map((method) => [method, 404, NOT_FOUND]));
  });

  it.each([
    ['GET', '/users/'], ['GET', '/users/1/'], ['GET', '/users/me/'], ['PATCH', '/users/1/'], ['PUT', '/users/1/'], ['DELETE', '/users/1/'],
  ])('answers 401 to %s %s without a token', async (method, path) => {
    const response = await api.request(method, path);

    expect([response.status, response.json]).toEqual([401, NOT_PROVIDED]);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });
});

describe('GET /users/', () => {
  it('lists users with their organizations ordered by id', async () => {
    const one = await createOrganization(api, caller.access);
    const two = await createOrganization(api, caller.access);
    const member = await registerAccount(api, { organization_ids: [two.id, one.id] });
    const loner = await registerAccount(api);

    const users = await listAll(api, '/users/?page_size=100', caller.access);

    const ids = users.map((user) => user.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(users.find((user) => user.id === member.id)).toEqual({ ...member.user, organizations: [summaryOf(one), summaryOf(two)] });
    expect(users.find((user) => user.id === loner.id)).toEqual(loner.user);
    expect(users.map((user) => Object.keys(user).sort())).toEqual(users.map(() => USER_KEYS));
  });
});

describe('PATCH /users/{id}/', () => {
  it('changes only the fields it names', async () => {
    const account = await signUp(api, { first_name: 'Before', last_name: 'Kept', phone: '123456789' });

    const response = await patchUser(account.id, { first_name: 'After' }, account.access);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ...account.user, first_name: 'After' });
    expect((await getUser(account.id)).json).toEqual(response.json);
  });

  it('sets memberships to exactly the given set, and to none with an empty list', async () => {
    const one = await createOrganization(api, caller.access);
    const two = await createOrganization(api, caller.access);
    const account = await signUp(api, { organization_ids: [one.id] });

    const moved = await patchUser(account.id, { organization_ids: [two.id] }, account.access);
    const oneMembers = await api.request('GET', `/organizations/${one.id}/`, { token: caller.access });
    const emptied = await patchUser(account.id, { organization_ids: [] }, account.access);
    const twoMembers = await api.request('GET', `/organizations/${two.id}/`, { token: caller.access });

    expect(moved.json.organizations).toEqual([summaryOf(two)]);
    expect(oneMembers.json.users).toEqual([]);
    expect(emptied.json.organizations).toEqual([]);
    expect(twoMembers.json.users).toEqual([]);
  });

  it('refuses an unknown organization id and leaves the memberships as they were', async () => {
    const organization = await createOrganization(api, caller.access);
    const account = await signUp(api, { organization_ids: [organization.id] });

    const response = await patchUser(account.id, { first_name: 'Changed', organization_ids: [organization.id, 999_998] }, account.access);
    const after = await getUser(account.id);

    expect([response.status, response.json]).toEqual([400, { organization_ids: ['Invalid pk "999998" - object does not exist.'] }]);
    expect(after.json).toEqual(account.user);
  });

  it('applies completely or not at all: a valid name with an invalid phone changes nothing', async () => {
    const account = await signUp(api, { first_name: 'Before' });

    const response = await patchUser(account.id, { first_name: 'After', phone: '12' }, account.access);
    const after = await getUser(account.id);

    expect([response.status, response.json]).toEqual([400, { phone: [INVALID_PHONE] }]);
    expect(after.json).toEqual(account.user);
  });

  it('applies completely or not at all: an email taken by someone else changes nothing', async () => {
    const taken = await registerAccount(api);
    const account = await signUp(api, { first_name: 'Before' });

    const response = await patchUser(account.id, { first_name: 'After', email: taken.email.toUpperCase() }, account.access);
    const after = await getUser(account.id);
    const login = await tryLogIn(account.email, account.password);

    expect([response.status, response.json]).toEqual([400, { email: [EMAIL_TAKEN] }]);
    expect(after.json).toEqual(account.user);
    expect(login.status).toBe(200);
  });

  it('moves the email: the new address logs in and is taken, the old one is free', async () => {
    const account = await signUp(api);
    const newEmail = uniqueEmail('Moved');

    const response = await patchUser(account.id, { email: newEmail }, account.access);
    const withNew = await tryLogIn(newEmail.toLowerCase(), account.password);
    const withOld = await tryLogIn(account.email, account.password);
    const newTaken = await register({ email: newEmail, password: DEFAULT_PASSWORD });
    const oldReused = await register({ email: account.email, password: DEFAULT_PASSWORD });

    expect([response.status, response.json.email]).toEqual([200, newEmail]);
    expect(withNew.status).toBe(200);
    expect([withOld.status, withOld.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect([newTaken.status, newTaken.json]).toEqual([400, { email: [EMAIL_TAKEN] }]);
    expect(oldReused.status).toBe(201);
  });

  it('changes the case of the own email', async () => {
    const account = await signUp(api);

    const response = await patchUser(account.id, { email: account.email.toUpperCase() }, account.access);
    const login = await tryLogIn(account.email, account.password);

    expect([response.status, response.json.email]).toEqual([200, account.email.toUpperCase()]);
    expect(login.status).toBe(200);
  });

  it('changes the password: the new one logs in, the old one no longer does', async () => {
    const account = await signUp(api);

    const response = await patchUser(account.id, { password: 'a brand new secret' }, account.access);
    const withNew = await tryLogIn(account.email, 'a brand new secret');
    const withOld = await tryLogIn(account.email, account.password);

    expect([response.status, response.json]).toEqual([200, account.user]);
    expect(withNew.status).toBe(200);
    expect([withOld.status, withOld.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
  });

  it('refuses a new password equal to the local part of the email, and one equal to a new email', async () => {
    const account = await signUp(api);
    const newEmail = uniqueEmail('fresh');

    const ownLocalPart = await patchUser(account.id, { password: account.email.split('@')[0] }, account.access);
    const newAddress = await patchUser(account.id, { email: newEmail, password: newEmail }, account.access);
    const after = await getUser(account.id);

    expect([ownLocalPart.status, ownLocalPart.json]).toEqual([400, { password: [TOO_SIMILAR] }]);
    expect([newAddress.status, newAddress.json]).toEqual([400, { password: [TOO_SIMILAR] }]);
    expect(after.json.email).toBe(account.email);
  });

  it('refuses is_superuser as an unknown field', async () => {
    const account = await signUp(api);

    const response = await patchUser(account.id, { is_superuser: true }, account.access);

    expect([response.status, response.json]).toEqual([400, { is_superuser: ['Unknown field.'] }]);
  });

  it('ignores the read-only fields it is sent back', async () => {
    const account = await signUp(api);

    const response = await patchUser(account.id, { ...account.user, id: account.id + 1000, avatar: 'https://x/y.jpg', last_name: 'Sent' }, account.access);

    expect([response.status, response.json]).toEqual([200, { ...account.user, last_name: 'Sent' }]);
  });

  it("answers 403 on another user's profile and changes nothing", async () => {
    const victim = await registerAccount(api, { first_name: 'Victim' });

    const response = await patchUser(victim.id, { first_name: 'Hacked' }, caller.access);

    expect([response.status, response.json]).toEqual([403, PERMISSION_DENIED]);
    expect((await getUser(victim.id)).json.first_name).toBe('Victim');
  });

  it('answers 404 before 403 for a user that does not exist', async () => {
    const response = await patchUser(987_654_320, { first_name: 'Ghost' }, caller.access);

    expect([response.status, response.json]).toEqual([404, NOT_FOUND]);
  });

  it('answers 413 to a multipart avatar part over 5 MiB and changes nothing', async () => {
    const account = await signUp(api, { first_name: 'Before' });
    const body = new FormData();
    body.append('first_name', 'After');
    body.append('avatar', new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'image/jpeg' }), 'big.jpg');

    const response = await api.request('PATCH', `/users/${account.id}/`, { multipart: body, token: account.access });
    const after = await getUser(account.id);

    expect([response.status, response.json]).toEqual([413, { detail: 'Request body too large.' }]);
    expect(after.json.first_name).toBe('Before');
  });

  it('lets a superuser change another user', async () => {
    const admin = await signUpSuperuser(api);
    const account = await registerAccount(api);

    const response = await patchUser(account.id, { first_name: 'By admin' }, admin.access);

    expect([response.status, response.json]).toEqual([200, { ...account.user, first_name: 'By admin' }]);
  });
});

describe('PUT /users/{id}/', () => {
  it('sets the omitted optional fields to null and keeps the password when none is given', async () => {
    const account = await signUp(api, { first_name: 'First', last_name: 'Last', phone: '123456789' });

    const response = await putUser(account.id, { email: account.email, last_name: 'Only' }, account.access);
    const login = await tryLogIn(account.email, account.password);

    expect([response.status, response.json]).toEqual([200, { ...account.user, first_name: null, last_name: 'Only', phone: null }]);
    expect(login.status).toBe(200);
  });

  it('requires the email', async () => {
    const account = await signUp(api, { first_name: 'Kept' });

    const response = await putUser(account.id, { first_name: 'Changed' }, account.access);

    expect([response.status, response.json]).toEqual([400, { email: [REQUIRED] }]);
    expect((await getUser(account.id)).json).toEqual(account.user);
  });

  it('changes the password when one is given', async () => {
    const account = await signUp(api);

    const response = await putUser(account.id, { email: account.email, password: 'replaced password' }, account.access);
    const withNew = await tryLogIn(account.email, 'replaced password');

    expect(response.status).toBe(200);
    expect(withNew.status).toBe(200);
  });

  it("answers 403 on another user's profile", async () => {
    const victim = await registerAccount(api);

    const response = await putUser(victim.id, { email: victim.email }, caller.access);

    expect([response.status, response.json]).toEqual([403, PERMISSION_DENIED]);
  });

  it('lets a superuser replace another user', async () => {
    const admin = await signUpSuperuser(api);
    const account = await registerAccount(api, { first_name: 'Old' });

    const response = await putUser(account.id, { email: account.email, last_name: 'New' }, admin.access);

    expect([response.status, response.json]).toEqual([200, { ...account.user, first_name: null, last_name: 'New' }]);
  });
});

describe('DELETE /users/{id}/', () => {
  it('removes the profile, memberships, email reservation and tokens: 204 with an empty body', async () => {
    const organization = await createOrganization(api, caller.access);
    const account = await signUp(api, { organization_ids: [organization.id] });

    const response = await api.request('DELETE', `/users/${account.id}/`, { token: account.access });
    const retrieved = await getUser(account.id);
    const members = await api.request('GET', `/organizations/${organization.id}/`, { token: caller.access });
    const me = await api.request('GET', '/users/me/', { token: account.access });
    const refreshed = await api.request('POST', '/token/refresh/', { json: { refresh: account.refresh } });
    const login = await tryLogIn(account.email, account.password);
    const reRegistered = await register({ email: account.email, password: DEFAULT_PASSWORD });

    expect([response.status, response.text]).toEqual([204, '']);
    expect([retrieved.status, retrieved.json]).toEqual([404, NOT_FOUND]);
    expect(members.json.users).toEqual([]);
    expect([me.status, me.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect([refreshed.status, refreshed.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect([login.status, login.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect(reRegistered.status).toBe(201);
    expect(reRegistered.json.id).not.toBe(account.id);
  });

  it("answers 403 on another user's account and deletes nothing", async () => {
    const victim = await registerAccount(api);

    const response = await api.request('DELETE', `/users/${victim.id}/`, { token: caller.access });

    expect([response.status, response.json]).toEqual([403, PERMISSION_DENIED]);
    expect((await getUser(victim.id)).status).toBe(200);
  });

  it('lets a superuser delete another user', async () => {
    const admin = await signUpSuperuser(api);
    const account = await registerAccount(api);

    const response = await api.request('DELETE', `/users/${account.id}/`, { token: admin.access });

    expect(response.status).toBe(204);
    expect((await getUser(account.id)).status).toBe(404);
  });

  it('answers 404 for a user that does not exist', async () => {
    const response = await api.request('DELETE', '/users/987654329/', { token: caller.access });

    expect([response.status, response.json]).toEqual([404, NOT_FOUND]);
  });
});
