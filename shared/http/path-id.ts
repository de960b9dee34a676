import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errors } from './errors.js';
import { literalRouteMethods } from './route-match.js';

/**
 * The `{id}` of the path as a positive integer; anything else names nothing: 404. A
 * segment that is a literal route (`/users/me`, `/organizations/create`) reached with
 * another method is that route's 405, as DRF answers.
 */
export function pathId(event: APIGatewayProxyEventV2): number {
  const { method, path } = event.requestContext.http;
  const literal = literalRouteMethods(path);
  if (literal.length > 0) throw errors.methodNotAllowed(method, literal);
  const raw = event.pathParameters?.id ?? '';
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw errors.notFound();
  return id;
}
