import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/local-api.js';

/**
 * The DynamoDB requests of each endpoint, counted by an SDK middleware on the client the
 * handlers use, must be exactly those that docs/data-model.md states.
 */
let api: TestApi;
const sent: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  // Imported once the stack has set the environment the client is built from.
  const { dynamodb } = await import('../../shared/data/client.js');
  dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
});
afterAll(() => api.stop());
beforeEach(() => { sent.length = 0; });

let serial = 0;
const password = 'count-me-in-2026';

async function register(extra: Record<string, unknown> = {}) {
  const email = `count-${Date.now()}-${serial++}@example.com`;
  const created = await api.request('POST', '/users/', { json: { email, password, ...extra } });
  expect(created.status).toBe(201);
  const login = await api.request('POST', '/token/', { json: { email, password } });
  expect(login.status).toBe(200);
  return { id: created.json.id as number, email, access: login.json.access as string, refresh: login.json.refresh as string };
}

async function organization(token: string) {
  const created = await api.request('POST', '/organizations/', { token, json: { name: `Count ${serial++}` } });
  expect(created.status).toBe(201);
  return created.json.id as number;
}

/** Requests sent while `act` ran, by operation, sorted. */
async function requestsOf(act: () => Promise<{ status: number }>, status: number): Promise<string[]> {
  sent.length = 0;
  const response = await act();
  expect(response.status).toBe(status);
  return [...sent].sort();
}

describe('DynamoDB requests per endpoint (docs/data-model.md)', () => {
  it('POST /users/: counter, transaction; plus one read of the organizations named', async () => {
    const owner = await register();
    const organizationId = await organization(owner.access);

    const plain = await requestsOf(() => api.request('POST', '/users/', { json: { email: `plain-${serial++}@example.com`, password } }), 201);
    const withOrganizations = await requestsOf(
      () => api.request('POST', '/users/', { json: { email: `orgs-${serial++}@example.com`, password, organization_ids: [organizationId] } }),
      201,
    );

    expect(plain).toEqual(['TransactWriteItems', 'UpdateItem']);
    expect(withOrganizations).toEqual(['BatchGetItem', 'BatchGetItem', 'TransactWriteItems', 'UpdateItem']);
  });

  it('POST /token/: the attempt taken, the reservation, the user; a success clears the attempts', async () => {
    const user = await register();

    const success = await requestsOf(() => api.request('POST', '/token/', { json: { email: user.email, password } }), 200);
    const failure = await requestsOf(() => api.request('POST', '/token/', { json: { email: user.email, password: 'wrong-password-1' } }), 401);

    expect(success).toEqual(['DeleteItem', 'GetItem', 'GetItem', 'UpdateItem']);
    expect(failure).toEqual(['GetItem', 'GetItem', 'UpdateItem']);
  });

  it('POST /token/refresh/: the user', async () => {
    const user = await register();

    const requests = await requestsOf(() => api.request('POST', '/token/refresh/', { json: { refresh: user.refresh } }), 200);

    expect(requests).toEqual(['GetItem']);
  });

  it('GET /users/me/ and GET /users/{id}/: the caller, the user, one read of their organizations', async () => {
    const user = await register();
    const organizationId = await organization(user.access);
    await api.request('PATCH', `/users/${user.id}/`, { token: user.access, json: { organization_ids: [organizationId] } });
    const other = await register();

    const me = await requestsOf(() => api.request('GET', '/users/me/', { token: user.access }), 200);
    const retrieve = await requestsOf(() => api.request('GET', `/users/${user.id}/`, { token: other.access }), 200);

    expect(me).toEqual(['BatchGetItem', 'GetItem']);
    expect(retrieve).toEqual(['BatchGetItem', 'GetItem', 'GetItem']);
  });

  it('GET /users/: the caller, one Query, one read of all organizations on the page, whatever the page size', async () => {
    const user = await register();
    const organizations = [await organization(user.access), await organization(user.access)];
    for (let i = 0; i < 5; i++) await register({ organization_ids: organizations });

    const afterCaller = Buffer.from(`a=${user.id}`).toString('base64url');

    const small = await requestsOf(() => api.request('GET', `/users/?page_size=2&cursor=${afterCaller}`, { token: user.access }), 200);
    const large = await requestsOf(() => api.request('GET', `/users/?page_size=100&cursor=${afterCaller}`, { token: user.access }), 200);

    expect(small).toEqual(['BatchGetItem', 'GetItem', 'Query']);
    expect(large).toEqual(['BatchGetItem', 'GetItem', 'Query']);
  });

  it('PATCH /users/{id}/: the caller and one transaction; organizations are read to check and to show them', async () => {
    const user = await register();
    const organizationId = await organization(user.access);

    const name = await requestsOf(() => api.request('PATCH', `/users/${user.id}/`, { token: user.access, json: { first_name: 'N' } }), 200);
    const memberships = await requestsOf(
      () => api.request('PATCH', `/users/${user.id}/`, { token: user.access, json: { organization_ids: [organizationId] } }),
      200,
    );

    expect(name).toEqual(['GetItem', 'TransactWriteItems']);
    expect(memberships).toEqual(['BatchGetItem', 'BatchGetItem', 'GetItem', 'TransactWriteItems']);
  });

  it('DELETE /users/{id}/: the caller and one transaction', async () => {
    const user = await register();

    const requests = await requestsOf(() => api.request('DELETE', `/users/${user.id}/`, { token: user.access }), 204);

    expect(requests).toEqual(['GetItem', 'TransactWriteItems']);
  });

  it('POST /organizations/: the caller, the counter, one put', async () => {
    const user = await register();

    const requests = await requestsOf(() => api.request('POST', '/organizations/', { token: user.access, json: { name: 'Counted' } }), 201);

    expect(requests).toEqual(['GetItem', 'PutItem', 'UpdateItem']);
  });

  it('GET /organizations/: the caller, one Query, one member Query per organization (in parallel), one read of the members', async () => {
    const user = await register();
    const organizations = [await organization(user.access), await organization(user.access), await organization(user.access)];
    await api.request('PATCH', `/users/${user.id}/`, { token: user.access, json: { organization_ids: organizations } });

    const withUsers = await requestsOf(() => api.request('GET', '/organizations/?page_size=3', { token: user.access }), 200);
    const withoutUsers = await requestsOf(() => api.request('GET', '/organizations/?page_size=3&users=0', { token: user.access }), 200);

    expect(withUsers).toEqual(['BatchGetItem', 'GetItem', 'Query', 'Query', 'Query', 'Query']);
    expect(withoutUsers).toEqual(['GetItem', 'Query']);
  });

  it('GET /organizations/{id}/: the caller, the organization, its member Query, one read of the members', async () => {
    const user = await register();
    const organizationId = await organization(user.access);
    await api.request('PATCH', `/users/${user.id}/`, { token: user.access, json: { organization_ids: [organizationId] } });

    const requests = await requestsOf(() => api.request('GET', `/organizations/${organizationId}/`, { token: user.access }), 200);

    expect(requests).toEqual(['BatchGetItem', 'GetItem', 'GetItem', 'Query']);
  });
});
