import { routes, type Route } from '../routes.js';

/** Whether a routed path (its trailing slash already stripped) fits a route path such as `/users/{id}`. */
export function pathMatches(routePath: string, path: string): boolean {
  const expected = routePath.split('/');
  const actual = path.split('/');
  return expected.length === actual.length
    && expected.every((segment, i) => (segment.startsWith('{') ? actual[i] !== '' : segment === actual[i]));
}

const isLiteral = (routePath: string) => !routePath.includes('{');

const methodsOf = (matching: readonly Route[]) => [...new Set(matching.map((route) => route.method))];

/**
 * The methods the route table serves on a path (empty for an unknown path). A literal
 * route such as `/users/me` hides the `{id}` routes that would also fit, as in the router.
 */
export function allowedMethods(path: string): string[] {
  const literal = literalRouteMethods(path);
  return literal.length > 0 ? literal : methodsOf(routes.filter((route) => pathMatches(route.path, path)));
}

/** The methods of the literal routes at this path: a `{id}` route reached there answers 405. */
export function literalRouteMethods(path: string): string[] {
  return methodsOf(routes.filter((route) => isLiteral(route.path) && pathMatches(route.path, path)));
}
