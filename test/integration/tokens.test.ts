/**
 * POST /token/ and POST /token/refresh/, and how bearer tokens are accepted or refused,
 * through the local gateway on DynamoDB Local.
 */
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, DEFAULT_PASSWORD, registerAccount, signUp, startTestApiWithAccount, uniqueEmail } from '../support/accounts.js';
import type { TestApi } from '../support/local-api.js';

const REQUIRED = 'This field is required.';
const NO_ACTIVE_ACCOUNT = { detail: 'No active account found with the given credentials' };
const TOKEN_NOT_VALID = { detail: 'Given token not valid for any token type', code: 'token_not_valid' };
const NOT_PROVIDED = { detail: 'Authentication credentials were not provided.' };
const THROTTLED = /^Request was throttled\. Expected available in (\d+) seconds\.$/;
const ISSUER_AND_AUDIENCE = 'users-organizations-api';

let api: TestApi;
let account: Account;

beforeAll(async () => ({ api, account } = await startTestApiWithAccount()));
afterAll(() => api?.stop());

const obtain = (json: Record<string, unknown>) => api.request('POST', '/token/', { json });
const refresh = (token: string) => api.request('POST', '/token/refresh/', { json: { refresh: token } });
const me = (token: string) => api.request('GET', '/users/me/', { token });

describe('POST /token/', () => {
  it('returns an access and a refresh token for the email and password', async () => {
    const response = await obtain({ email: account.email, password: account.password });

    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(['access', 'refresh']);
    expect((await me(response.json.access)).json.id).toBe(account.id);
  });

  it('mints ES256 JWTs with the subject, lifetimes, issuer, audience, id and use of each token', async () => {
    const response = await obtain({ email: account.email, password: account.password });

    const access = decodeJwt(response.json.access);
    const refreshClaims = decodeJwt(response.json.refresh);
    expect(decodeProtectedHeader(response.json.access)).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(access).toEqual({
      sub: String(account.id), token_use: 'access', iss: ISSUER_AND_AUDIENCE, aud: ISSUER_AND_AUDIENCE,
      iat: expect.any(Number), exp: access.iat! + 15 * 60, jti: expect.any(String),
    });
    expect(refreshClaims).toMatchObject({
      sub: String(account.id), token_use: 'refresh', iss: ISSUER_AND_AUDIENCE, aud: ISSUER_AND_AUDIENCE, exp: refreshClaims.iat! + 24 * 60 * 60,
    });
    expect(refreshClaims.jti).not.toBe(access.jti);
  });

  it('finds the account whatever the case of the email and around spaces', async () => {
    const response = await obtain({ email: `  ${account.email.toUpperCase()} `, password: account.password });

    expect(response.status).toBe(200);
    expect(decodeJwt(response.json.access).sub).toBe(String(account.id));
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await obtain({ email: account.email, password: 'not the password' });
    const unknownEmail = await obtain({ email: uniqueEmail('nobody'), password: DEFAULT_PASSWORD });

    expect([wrongPassword.status, wrongPassword.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect([unknownEmail.status, unknownEmail.json]).toEqual([401, NO_ACTIVE_ACCOUNT]);
    expect(wrongPassword.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(unknownEmail.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('requires email and password', async () => {
    const response = await obtain({});

    expect([response.status, response.json]).toEqual([400, { email: [REQUIRED], password: [REQUIRED] }]);
  });

  it('refuses blank email and password', async () => {
    const response = await obtain({ email: ' ', password: '' });

    const blank = 'This field may not be blank.';
    expect([response.status, response.json]).toEqual([400, { email: [blank], password: [blank] }]);
  });

  it('accepts a form body', async () => {
    const response = await api.request('POST', '/token/', { form: { email: account.email, password: account.password } });

    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(['access', 'refresh']);
  });
});

describe('login throttling', () => {
  it('refuses every login for an email after 5 failures, the right password too, with Retry-After', async () => {
    const target = await registerAccount(api);
    const bystander = await registerAccount(api);
    const failures = [];
    for (let attempt = 0; attempt < 5; attempt++) failures.push((await obtain({ email: target.email, password: 'wrong password' })).status);

    const wrong = await obtain({ email: target.email, password: 'wrong password' });
    const right = await obtain({ email: target.email.toUpperCase(), password: target.password });
    const other = await obtain({ email: bystander.email, password: bystander.password });

    expect(failures).toEqual([401, 401, 401, 401, 401]);
    for (const response of [wrong, right]) {
      expect(response.status).toBe(429);
      expect(Object.keys(response.json)).toEqual(['detail']);
      const wait = Number(THROTTLED.exec(response.json.detail)?.[1]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(response.headers['retry-after']).toBe(String(wait));
    }
    expect(other.status).toBe(200);
  });

  it('checks at most 5 passwords for an email when the attempts arrive all at once', async () => {
    const target = await registerAccount(api);
    const guesses = Array.from({ length: 20 }, (_, i) => ({ email: target.email, password: `guess number ${i}` }));

    const statuses = (await Promise.all(guesses.map((guess) => obtain(guess)))).map((response) => response.status);

    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('does not throttle after fewer than 5 failures', async () => {
    const target = await registerAccount(api);
    for (let attempt = 0; attempt < 4; attempt++) await obtain({ email: target.email, password: 'wrong password' });

    const response = await obtain({ email: target.email, password: target.password });

    expect(response.status).toBe(200);
  });
});

describe('POST /token/refresh/', () => {
  it('returns a new access token that works', async () => {
    const response = await refresh(account.refresh);

    expect(response.status).toBe(200);
    expect(Object.keys(response.json).filter((key) => key !== 'refresh')).toEqual(['access']);
    expect(decodeJwt(response.json.access)).toMatchObject({ sub: String(account.id), token_use: 'access' });
    expect((await me(response.json.access)).json.id).toBe(account.id);
  });

  it('requires the refresh token', async () => {
    const response = await api.request('POST', '/token/refresh/', { json: {} });

    expect([response.status, response.json]).toEqual([400, { refresh: [REQUIRED] }]);
  });

  it('refuses an access token', async () => {
    const response = await refresh(account.access);

    expect([response.status, response.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it('refuses garbage', async () => {
    const response = await refresh('not.a.token');

    expect([response.status, response.json]).toEqual([401, TOKEN_NOT_VALID]);
  });

  it('refuses refresh tokens issued before a password change, and accepts those of a new login', async () => {
    const user = await signUp(api);
    await api.request('PATCH', `/users/${user.id}/`, { json: { password: 'changed password' }, token: user.access });

    const old = await refresh(user.refresh);
    const newTokens = await obtain({ email: user.email, password: 'changed password' });
    const fresh = await refresh(newTokens.json.refresh);

    expect([old.status, old.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect(newTokens.status).toBe(200);
    expect(fresh.status).toBe(200);
  });
});

describe('bearer authentication', () => {
  it('refuses a refresh token as an access token', async () => {
    const response = await me(account.refresh);

    expect([response.status, response.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it.each([
    ['garbage', 'garbage'],
    ['three garbage segments', 'abc.def.ghi'],
    ['an unsigned token', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"1","token_use":"access"}').toString('base64url')}.`],
  ])('refuses %s', async (_name, token) => {
    const response = await me(token);

    expect([response.status, response.json]).toEqual([401, TOKEN_NOT_VALID]);
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ token_use: 'access' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(String(account.id)).setIssuer(ISSUER_AND_AUDIENCE).setAudience(ISSUER_AND_AUDIENCE)
      .setIssuedAt().setExpirationTime('15m').setJti('forged')
      .sign(privateKey);

    const response = await me(forged);

    expect([response.status, response.json]).toEqual([401, TOKEN_NOT_VALID]);
  });

  it.each([
    ['no Authorization header', undefined],
    ['another scheme', 'Token abc'],
    ['the scheme alone', 'Bearer'],
    ['too many parts', 'Bearer abc def'],
  ])('answers "not provided" to %s', async (_name, authorization) => {
    const response = await api.request('GET', '/users/me/', { headers: authorization === undefined ? {} : { authorization } });

    expect([response.status, response.json]).toEqual([401, NOT_PROVIDED]);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  it("refuses a deleted user's access and refresh tokens", async () => {
    const user = await signUp(api);
    await api.request('DELETE', `/users/${user.id}/`, { token: user.access });

    const access = await me(user.access);
    const refreshed = await refresh(user.refresh);

    expect([access.status, access.json]).toEqual([401, TOKEN_NOT_VALID]);
    expect([refreshed.status, refreshed.json]).toEqual([401, TOKEN_NOT_VALID]);
  });

  it('answers in Russian with the same keys and code', async () => {
    const invalid = await api.request('GET', '/users/me/', { token: 'garbage', headers: { 'accept-language': 'ru' } });
    const missing = await api.request('GET', '/users/me/', { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });

    expect([invalid.status, invalid.json]).toEqual([401, { detail: 'Данный токен недействителен для любого типа токена', code: 'token_not_valid' }]);
    expect([missing.status, missing.json]).toEqual([401, { detail: 'Учетные данные не были предоставлены.' }]);
  });
});
