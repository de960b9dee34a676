import { describe, expect, it } from 'vitest';
import { realRouteTable } from '../../infra/local/gateway.js';
import { createRouter, stripTrailingSlash } from '../../infra/local/route-matcher.js';

describe('stripTrailingSlash', () => {
  it.each([
    ['/users/', '/users'],
    ['/users', '/users'],
    ['/users/7/avatar/', '/users/7/avatar'],
    ['/', '/'],
    ['/users//', '/users/'],
  ])('%s -> %s', (path, expected) => {
    expect(stripTrailingSlash(path)).toBe(expected);
  });
});

describe('createRouter on the route table', () => {
  const route = createRouter(realRouteTable);

  it('prefers a static segment over a parameter', () => {
    expect(route('GET', '/users/me')).toEqual({ routeKey: 'GET /users/me', functionName: 'users-me' });
  });

  it('fills path parameters from the matched route', () => {
    expect(route('GET', '/users/42')).toEqual({
      routeKey: 'GET /users/{id}',
      functionName: 'users-retrieve',
      pathParameters: { id: '42' },
    });
    expect(route('POST', '/users/42/avatar')).toEqual({
      routeKey: 'POST /users/{id}/avatar',
      functionName: 'users-avatar-upload',
      pathParameters: { id: '42' },
    });
  });

  it('decodes path parameters', () => {
    expect(route('GET', '/users/a%20b').pathParameters).toEqual({ id: 'a b' });
  });

  it('matches the method exactly', () => {
    expect(route('PATCH', '/users/me')).toEqual({
      routeKey: 'PATCH /users/{id}',
      functionName: 'users-update',
      pathParameters: { id: 'me' },
    });
    expect(route('POST', '/organizations/create')).toEqual({
      routeKey: 'POST /organizations/create',
      functionName: 'organizations-create',
    });
  });

  it.each([
    ['DELETE', '/users'],
    ['GET', '/nowhere'],
    ['GET', '/users/7/avatar'],
    ['GET', '/users/'],
    ['GET', '/'],
  ])('sends %s %s to the default route', (method, path) => {
    expect(route(method, path)).toEqual({ routeKey: '$default', functionName: 'not-found' });
  });
});
