import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errors } from './errors.js';

/** The `{id}` of the path as a positive integer; anything else names nothing: 404. */
export function pathId(event: APIGatewayProxyEventV2): number {
  const raw = event.pathParameters?.id ?? '';
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw errors.notFound();
  return id;
}
