import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RouteMatch } from './route-matcher.js';

/** One HTTP request as the gateway received it. */
export interface GatewayRequest {
  method: string;
  /** Path and query string exactly as sent, e.g. `/users/?page_size=2`. */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value, ... */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  /** `HTTP/1.1` */
  protocol: string;
  /** Used as the domain name when the request has no Host header. */
  serverAddress: string;
}

export const LOCAL_ACCOUNT_ID = '123456789012';
const LOCAL_API_ID = 'local';

/** Bodies of these media types reach the function as text; every other body as base64. */
const TEXT_MEDIA_TYPE = /^(?:text\/.+|application\/(?:json|.+\+json|x-www-form-urlencoded|xml))$/;

export function isTextMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  return TEXT_MEDIA_TYPE.test(mediaType);
}

/**
 * The forwarding headers API Gateway adds: who called, on which port, over which
 * protocol (links in replies are built from them).
 */
function addForwardingHeaders(headers: Record<string, string>, request: GatewayRequest): void {
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-port'] = request.serverAddress.slice(request.serverAddress.lastIndexOf(':') + 1);
  headers['x-forwarded-proto'] = 'http';
}

/** Header names lower-cased, repeated headers joined with commas; cookies apart, as API Gateway sends them. */
function splitHeaders(rawHeaders: readonly string[]): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const value = rawHeaders[i + 1];
    if (name === 'cookie') {
      cookies.push(...value.split(';').map((cookie) => cookie.trim()).filter(Boolean));
    } else {
      headers[name] = name in headers ? `${headers[name]},${value}` : value;
    }
  }
  return { headers, cookies };
}

/** Repeated parameters joined with commas, as API Gateway does. */
function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `03/Dec/2026:10:00:00 +0000`, API Gateway's request time format. */
export function requestTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:`
    + `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/**
 * The HTTP API payload format 2.0 event for a routed request. `routedPath` is the path after
 * the trailing slash was stripped; `rawPath` keeps the path as requested.
 */
export function buildApiEvent(
  request: GatewayRequest,
  route: RouteMatch,
  routedPath: string,
  requestId: string,
  now: Date,
): APIGatewayProxyEventV2 {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const { headers, cookies } = splitHeaders(request.rawHeaders);
  addForwardingHeaders(headers, request);
  const domainName = headers.host ?? request.serverAddress;

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: request.method,
        path: routedPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  if (cookies.length > 0) event.cookies = cookies;
  const query = queryParameters(rawQueryString);
  if (query) event.queryStringParameters = query;
  if (route.pathParameters) event.pathParameters = route.pathParameters;
  if (request.body.length > 0) {
    const asText = isTextMediaType(headers['content-type']);
    event.body = request.body.toString(asText ? 'utf8' : 'base64');
    event.isBase64Encoded = !asText;
  }
  return event;
}
