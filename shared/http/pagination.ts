import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from '../config.js';
import type { PagePosition } from '../data/list-pages.js';
import { errors } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * DRF CursorPagination over ids: the opaque cursor is base64url of `a=<id>` (the
 * page after that id) or `b=<id>` (the page before it).
 */
export interface PageRequest {
  size: number;
  position: PagePosition;
}

const encodeCursor = (position: NonNullable<PagePosition>) =>
  Buffer.from('after' in position ? `a=${position.after}` : `b=${position.before}`).toString('base64url');

function decodeCursor(cursor: string): NonNullable<PagePosition> {
  const match = /^([ab])=(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isSafeInteger(id)) throw errors.badRequest('invalid_cursor');
  return match[1] === 'a' ? { after: id } : { before: id };
}

/** Like DRF: a page_size that is not a positive integer falls back to the default; above the maximum, the maximum. */
function pageSize(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  return size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

export function pageRequest(event: APIGatewayProxyEventV2): PageRequest {
  const query = new URLSearchParams(event.rawQueryString ?? '');
  const cursor = query.get('cursor');
  return { size: pageSize(query.get('page_size') ?? undefined), position: cursor === null ? undefined : decodeCursor(cursor) };
}

/** The public origin of the API: the configured one, else the one the request came to. */
function origin(event: APIGatewayProxyEventV2): string {
  const configured = config.publicBaseUrl();
  if (configured) return configured;
  const host = event.headers['x-forwarded-host'] ?? event.headers.host ?? event.requestContext.domainName;
  const protocol = event.headers['x-forwarded-proto']?.split(',')[0]?.trim() === 'http' ? 'http' : 'https';
  return `${protocol}://${host}`;
}

function link(event: APIGatewayProxyEventV2, path: string, position: NonNullable<PagePosition>): string {
  const query = new URLSearchParams(event.rawQueryString ?? '');
  query.set('cursor', encodeCursor(position));
  return `${origin(event)}${path}?${query.toString()}`;
}

/**
 * `next` and `previous` of a page of ids (ascending). Going forward, a previous page
 * exists once a cursor was followed; going backward, a next page always does.
 */
export function pageLinks(
  event: APIGatewayProxyEventV2,
  path: string,
  request: PageRequest,
  page: { ids: number[]; hasMore: boolean },
): { next: string | null; previous: string | null } {
  const { position } = request;
  const first = page.ids[0];
  const last = page.ids[page.ids.length - 1];
  if (position !== undefined && 'before' in position) {
    return {
      next: link(event, path, { after: last ?? Math.max(0, position.before - 1) }),
      previous: page.hasMore && first !== undefined ? link(event, path, { before: first }) : null,
    };
  }
  return {
    next: page.hasMore && last !== undefined ? link(event, path, { after: last }) : null,
    previous: position !== undefined ? link(event, path, { before: first ?? position.after + 1 }) : null,
  };
}
