/**
 * What every endpoint shares: body parsing and content types, unknown routes and methods,
 * trailing slashes, error shapes, request ids and the reply language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createOrganization, DEFAULT_PASSWORD, signUp, startTestApiWithAccount, uniqueEmail } from '../support/accounts.js';
import type { TestApi } from '../support/local-api.js';

let api: TestApi;
let caller: Account;

beforeAll(async () => ({ api, account: caller } = await startTestApiWithAccount()));
afterAll(() => api?.stop());

const multipartOf = (fields: Record<string, string>): FormData => {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
};

describe('JSON bodies', () => {
  it('answers 400 "JSON parse error" to invalid JSON', async () => {
    const response = await api.request('POST', '/users/', { body: '{"email": ', contentType: 'application/json' });

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ detail: expect.stringMatching(/^JSON parse error - \S.*$/) });
  });

  it.each([
    ['[1, 2]', 'list'],
    ['"text"', 'str'],
    ['42', 'int'],
  ])('answers 400 to a body that is not an object: %s', async (body, type) => {
    const response = await api.request('POST', '/users/', { body, contentType: 'application/json' });

    expect([response.status, response.json]).toEqual([400, { detail: `JSON parse error - Expected an object, got ${type}.` }]);
  });

  it('accepts a charset parameter and a capitalised media type', async () => {
    const email = uniqueEmail();

    const response = await api.request('POST', '/users/', {
      body: JSON.stringify({ email, password: DEFAULT_PASSWORD, first_name: 'Zoë' }), contentType: 'Application/JSON; charset=utf-8',
    });

    expect([response.status, response.json.first_name]).toEqual([201, 'Zoë']);
  });

  it('treats an empty body as no fields', async () => {
    const response = await api.request('POST', '/users/', { body: '', contentType: 'application/json' });

    expect([response.status, response.json]).toEqual([400, { email: ['This field is required.'], password: ['This field is required.'] }]);
  });

  it.each([
    [{ email: ['a@example.com'] }, { email: ['Not a valid string.'] }],
    [{ organization_ids: [{}] }, { organization_ids: ['Incorrect type. Expected pk value, received dict.'] }],
    [{ organization_ids: [1.5] }, { organization_ids: ['Incorrect type. Expected pk value, received float.'] }],
    [{ organization_ids: ['99999999999999999999'] }, { organization_ids: ['Incorrect type. Expected pk value, received str.'] }],
  ])('answers a field error, never a 500, to odd values: %j', async (fields, errors) => {
    const response = await api.request('POST', '/users/', { json: { email: uniqueEmail(), password: DEFAULT_PASSWORD, ...fields } });

    expect([response.status, response.json]).toEqual([400, errors]);
  });
});

describe('unknown fields named like built-in object properties', () => {
  it.each(['toString', 'constructor', '__proto__'])('answers 400 "Unknown field." to %s in a JSON body, never a 500', async (name) => {
    const body = `{"email": "${uniqueEmail()}", "password": "${DEFAULT_PASSWORD}", "${name}": 1}`;

    const response = await api.request('POST', '/users/', { body, contentType: 'application/json' });

    expect([response.status, response.text]).toEqual([400, `{"${name}":["Unknown field."]}`]);
  });

  it.each(['toString', 'constructor', '__proto__'])('answers 400 "Unknown field." to %s in a form body, never a 500', async (name) => {
    const body = `email=${encodeURIComponent(uniqueEmail())}&password=${encodeURIComponent(DEFAULT_PASSWORD)}&${name}=1`;

    const response = await api.request('POST', '/users/', { body, contentType: 'application/x-www-form-urlencoded' });

    expect([response.status, response.text]).toEqual([400, `{"${name}":["Unknown field."]}`]);
  });
});

describe('content types', () => {
  it.each(['text/plain', 'application/xml'])('answers 415 to %s', async (contentType) => {
    const response = await api.request('POST', '/users/', { body: 'email=a@example.com', contentType });

    expect([response.status, response.json]).toEqual([415, { detail: `Unsupported media type "${contentType}" in request.` }]);
  });

  it('answers 415 to a body without a content type', async () => {
    const response = await api.request('POST', '/users/', { body: new TextEncoder().encode('{"email": "a@example.com"}') });

    expect([response.status, response.json]).toEqual([415, { detail: 'Unsupported media type "" in request.' }]);
  });

  it('answers 415 on every write endpoint', async () => {
    const writes = [
      ['POST', '/users/'], ['POST', '/token/'], ['POST', '/token/refresh/'], ['POST', '/organizations/'],
      ['POST', '/organizations/create/'], ['PATCH', `/users/${caller.id}/`], ['PUT', `/users/${caller.id}/`],
    ];

    const statuses = [];
    for (const [method, path] of writes) {
      statuses.push([method, path, (await api.request(method!, path!, { body: 'x', contentType: 'text/plain', token: caller.access })).status]);
    }

    expect(statuses).toEqual(writes.map(([method, path]) => [method, path, 415]));
  });

  it('accepts form and multipart bodies on every write endpoint', async () => {
    const account = await signUp(api);
    const credentials = { email: account.email, password: account.password };

    const results = [
      (await api.request('POST', '/users/', { multipart: multipartOf({ email: uniqueEmail(), password: DEFAULT_PASSWORD }) })).status,
      (await api.request('POST', '/token/', { multipart: multipartOf(credentials) })).status,
      (await api.request('POST', '/token/refresh/', { form: { refresh: account.refresh } })).status,
      (await api.request('POST', '/token/refresh/', { multipart: multipartOf({ refresh: account.refresh }) })).status,
      (await api.request('POST', '/organizations/', { multipart: multipartOf({ name: 'Parts' }), token: account.access })).status,
      (await api.request('PATCH', `/users/${account.id}/`, { form: { first_name: 'Form' }, token: account.access })).status,
      (await api.request('PATCH', `/users/${account.id}/`, { multipart: multipartOf({ last_name: 'Parts' }), token: account.access })).status,
      (await api.request('PUT', `/users/${account.id}/`, { form: { email: account.email, first_name: 'Put' }, token: account.access })).status,
      (await api.request('PUT', `/users/${account.id}/`, { multipart: multipartOf({ email: account.email, phone: '' }), token: account.access })).status,
    ];
    const after = await api.request('GET', '/users/me/', { token: account.access });

    expect(results).toEqual([201, 200, 200, 200, 201, 200, 200, 200, 200]);
    expect(after.json).toMatchObject({ first_name: null, last_name: null, phone: null });
  });

  it('refuses file parts other than the avatar as unknown fields', async () => {
    const body = multipartOf({ email: uniqueEmail(), password: DEFAULT_PASSWORD });
    body.append('resume', new Blob(['hello'], { type: 'text/plain' }), 'cv.txt');

    const response = await api.request('POST', '/users/', { multipart: body });

    expect([response.status, response.json]).toEqual([400, { resume: ['Unknown field.'] }]);
  });

  it('answers 413 to a body over the Lambda payload limit', async () => {
    const response = await api.request('POST', '/users/', { body: `{"first_name": "${'x'.repeat(7 * 1024 * 1024)}"}`, contentType: 'application/json' });

    expect([response.status, response.json]).toEqual([413, { detail: 'Request body too large.' }]);
    expect(response.headers['x-request-id']).toMatch(/\S/);
  });
});

describe('routing', () => {
  it.each([['GET', '/nothing/'], ['GET', '/users/1/unknown/'], ['POST', '/'], ['DELETE', '/tokens/']])('answers 404 to %s %s', async (method, path) => {
    const response = await api.request(method, path, { token: caller.access });

    expect([response.status, response.json]).toEqual([404, { detail: 'Not found.' }]);
  });

  it.each([
    ['DELETE', '/users/', ['GET', 'POST']],
    ['POST', '/users/1/', ['DELETE', 'GET', 'PATCH', 'PUT']],
    ['GET', '/token/', ['POST']],
    ['PUT', '/token/refresh', ['POST']],
    ['DELETE', '/organizations/', ['GET', 'POST']],
    ['GET', '/organizations/create/', ['POST']],
    ['PATCH', '/organizations/1/', ['GET']],
    ['DELETE', '/users/me/', ['GET']],
    ['POST', '/users/me/', ['GET']],
  ])('answers 405 to %s %s with Allow', async (method, path, allowed) => {
    const response = await api.request(method, path, { token: caller.access });

    expect([response.status, response.json]).toEqual([405, { detail: `Method "${method}" not allowed.` }]);
    expect(response.headers.allow?.split(/,\s*/).sort()).toEqual(allowed);
  });

  it('serves every GET path with and without the trailing slash', async () => {
    const organization = await createOrganization(api, caller.access);
    const paths = ['/users', '/users/me', `/users/${caller.id}`, '/organizations', `/organizations/${organization.id}`];

    const statuses = [];
    for (const path of paths) {
      for (const variant of [path, `${path}/`]) statuses.push([variant, (await api.request('GET', variant, { token: caller.access })).status]);
    }

    expect(statuses).toEqual(paths.flatMap((path) => [[path, 200], [`${path}/`, 200]]));
  });

  it('serves every POST path with and without the trailing slash', async () => {
    const email = uniqueEmail();

    const results = [
      (await api.request('POST', '/users', { json: { email, password: DEFAULT_PASSWORD } })).status,
      (await api.request('POST', '/token', { json: { email, password: DEFAULT_PASSWORD } })).status,
      (await api.request('POST', '/token/refresh', { json: { refresh: caller.refresh } })).status,
      (await api.request('POST', '/organizations', { json: { name: 'No slash' }, token: caller.access })).status,
      (await api.request('POST', '/organizations/create', { json: { name: 'No slash' }, token: caller.access })).status,
    ];

    expect(results).toEqual([201, 200, 200, 201, 201]);
  });
});

describe('response headers', () => {
  it('gives every response its own x-request-id, and JSON responses their content type', async () => {
    const account = await signUp(api);
    const responses = [
      await api.request('GET', '/users/me/', { token: caller.access }),
      await api.request('POST', '/organizations/', { json: { name: 'Headers' }, token: caller.access }),
      await api.request('POST', '/users/', { json: {} }),
      await api.request('GET', '/users/me/'),
      await api.request('PATCH', `/users/${caller.id + 100_000}/`, { json: {}, token: caller.access }),
      await api.request('DELETE', '/users/'),
      await api.request('GET', '/nothing/'),
      await api.request('POST', '/users/', { body: 'x', contentType: 'text/plain' }),
    ];

    const deleted = await api.request('DELETE', `/users/${account.id}/`, { token: account.access });

    expect(responses.map((response) => response.status)).toEqual([200, 201, 400, 401, 404, 405, 404, 415]);
    for (const response of responses) expect(response.headers['content-type']).toBe('application/json');
    const ids = [...responses, deleted].map((response) => response.headers['x-request-id']);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
  });
});

describe('languages', () => {
  const russian = { 'accept-language': 'ru' };

  it('answers in Russian with the same keys: 404, 405, 415', async () => {
    const notFound = await api.request('GET', '/users/987654321/', { token: caller.access, headers: russian });
    const notAllowed = await api.request('DELETE', '/users/', { headers: russian });
    const unsupported = await api.request('POST', '/users/', { body: 'x', contentType: 'text/plain', headers: russian });

    expect([notFound.status, notFound.json]).toEqual([404, { detail: 'Не найдено.' }]);
    expect([notAllowed.status, notAllowed.json]).toEqual([405, { detail: 'Метод "DELETE" не разрешен.' }]);
    expect([unsupported.status, unsupported.json]).toEqual([415, { detail: 'Неподдерживаемый тип данных "text/plain" в запросе.' }]);
  });

  it('answers field errors in Russian with the same field keys', async () => {
    const response = await api.request('POST', '/users/', {
      json: { password: 'abcd', phone: '1', nickname: 'x' }, headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });

    expect([response.status, response.json]).toEqual([400, {
      email: ['Обязательное поле.'],
      password: ['Введённый пароль слишком короткий. Он должен содержать как минимум 8 символов.'],
      phone: ['Введите правильный номер телефона: от 9 до 15 цифр, в начале может быть +.'],
      nickname: ['Неизвестное поле.'],
    }]);
  });

  it.each([undefined, 'en-US', 'de', 'fr, en;q=0.8, ru;q=0.5'])('answers in English to Accept-Language %s', async (language) => {
    const response = await api.request('GET', '/nothing/', { headers: language === undefined ? {} : { 'accept-language': language } });

    expect(response.json).toEqual({ detail: 'Not found.' });
  });

  it('answers in Russian when the client prefers it among others', async () => {
    const response = await api.request('GET', '/nothing/', { headers: { 'accept-language': 'de, ru;q=0.9, en;q=0.8' } });

    expect(response.json).toEqual({ detail: 'Не найдено.' });
  });
});
