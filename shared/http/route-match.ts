import { routes } from '../routes.js';

const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path);

/** Whether a concrete path fits a route path such as `/users/{id}`. */
export function pathMatches(routePath: string, path: string): boolean {
  const expected = routePath.split('/');
  const actual = withoutTrailingSlash(path).split('/');
  return expected.length === actual.length
    && expected.every((segment, i) => (segment.startsWith('{') ? actual[i] !== '' : segment === actual[i]));
}

/** The methods the route table serves on a path (empty for an unknown path). */
export function allowedMethods(path: string): string[] {
  return [...new Set(routes.filter((route) => pathMatches(route.path, path)).map((route) => route.method))];
}
