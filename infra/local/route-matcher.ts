/** The parts of the route table the gateway reads (shared/routes.ts satisfies it). */
export interface RouteTable {
  routes: readonly { method: string; path: string; function: string }[];
  defaultRoute: { function: string };
  functions: Readonly<Record<string, { entry: string; memoryMb?: number }>>;
}

export interface RouteMatch {
  /** `GET /users/{id}`, or `$default` when no route matches. */
  routeKey: string;
  functionName: string;
  pathParameters?: Record<string, string>;
}

type Segment = { literal: string } | { parameter: string };

interface CompiledRoute {
  method: string;
  routeKey: string;
  functionName: string;
  segments: Segment[];
}

/** `/users/` -> `/users`, as the CloudFront Function does before the HTTP API routes; `/` stays. */
export function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function compileSegment(segment: string): Segment {
  const parameter = /^\{([^}]+)\}$/.exec(segment);
  return parameter ? { parameter: parameter[1] } : { literal: segment };
}

/** At the first position where two routes differ in kind, a literal segment wins over a parameter. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const aLiteral = 'literal' in a.segments[i];
    const bLiteral = 'literal' in b.segments[i];
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(segments: Segment[], pathSegments: string[]): Record<string, string> | undefined {
  if (segments.length !== pathSegments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const actual = pathSegments[i];
    if ('literal' in segment) {
      if (segment.literal !== actual) return undefined;
    } else {
      if (actual === '') return undefined;
      parameters[segment.parameter] = decodeSegment(actual);
    }
  }
  return parameters;
}

/**
 * Routes a request the way API Gateway HTTP API does: exact method, the most specific path
 * first, and anything unmatched to the default route.
 */
export function createRouter(table: RouteTable): (method: string, path: string) => RouteMatch {
  const compiled = table.routes
    .map((route): CompiledRoute => ({
      method: route.method,
      routeKey: `${route.method} ${route.path}`,
      functionName: route.function,
      segments: route.path.split('/').slice(1).map(compileSegment),
    }))
    .sort(bySpecificity);

  return (method, path) => {
    const pathSegments = path.split('/').slice(1);
    for (const route of compiled) {
      if (route.method !== method) continue;
      const parameters = matchSegments(route.segments, pathSegments);
      if (!parameters) continue;
      const match: RouteMatch = { routeKey: route.routeKey, functionName: route.functionName };
      if (Object.keys(parameters).length > 0) match.pathParameters = parameters;
      return match;
    }
    return { routeKey: '$default', functionName: table.defaultRoute.function };
  };
}
