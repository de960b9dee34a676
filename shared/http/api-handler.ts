import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { authenticate } from '../auth/authenticate.js';
import { logger } from '../logger.js';
import { functions, type FunctionName, type FunctionSpec } from '../routes.js';
import { avatarBucket } from '../storage/bucket-definition.js';
import type { UserRecord } from '../users/user-record.js';
import { parseBody, type ParsedBody } from './body-parsing.js';
import { ApiError } from './errors.js';
import { negotiateLanguage } from './language.js';
import { translate, type Language } from './messages.js';

/** What a handler receives: the event plus what the chain worked out from it. */
export interface ApiRequest {
  event: APIGatewayProxyEventV2;
  language: Language;
  body: ParsedBody;
  /** The authenticated caller; set on `bearer` functions only. */
  caller?: UserRecord;
}

export interface ApiResult {
  statusCode: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as an HTML page instead of a JSON body. */
  html?: string;
  headers?: Record<string, string>;
}

type ApiContext = Context & { api: ApiRequest };
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>;

function toResponse(event: APIGatewayProxyEventV2, result: ApiResult): APIGatewayProxyStructuredResultV2 {
  const headers = { 'x-request-id': event.requestContext.requestId, ...result.headers };
  if (result.html !== undefined) {
    return { statusCode: result.statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: result.html };
  }
  if (result.body === undefined) return { statusCode: result.statusCode, headers };
  return {
    statusCode: result.statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(result.body),
  };
}

function errorBody(error: ApiError, language: Language): unknown {
  if ('fields' in error.body) {
    const fields = Object.entries(error.body.fields);
    return Object.fromEntries(fields.map(([name, messages]) => [name, messages.map((m) => translate(m, language))]));
  }
  const { detail, code } = error.body;
  return code ? { detail: translate(detail, language), code } : { detail: translate(detail, language) };
}

/** Reads the language and binds the request id to the logger before anything can fail. */
const requestScope = (): Middleware => ({
  before: async (request) => {
    const { event } = request;
    logger.appendKeys({ requestId: event.requestContext.requestId });
    request.context.api = {
      event,
      language: negotiateLanguage(event.headers?.['accept-language']),
      body: { kind: 'none' },
    };
  },
});

/** Last in line: any error becomes a DRF body; internals are logged, never sent. */
const errorResponder = (): Middleware => ({
  onError: async (request) => {
    const language = request.context.api?.language ?? negotiateLanguage(request.event.headers?.['accept-language']);
    let error = request.error;
    if (!(error instanceof ApiError)) {
      logger.error('Unhandled error', { error });
      error = new ApiError(500, { detail: { code: 'server_error' } });
    }
    const apiError = error as ApiError;
    request.response = toResponse(request.event, {
      statusCode: apiError.statusCode,
      body: errorBody(apiError, language),
      headers: apiError.headers,
    });
  },
});

const authentication = (): Middleware => ({
  before: async (request) => {
    request.context.api.caller = await authenticate(request.event.headers.authorization);
  },
});

const bodyParser = (): Middleware => ({
  before: async (request) => {
    request.context.api.body = await parseBody(request.event, { maxFileBytes: avatarBucket.maxMultipartAvatarBytes });
  },
});

/**
 * The chain of every API function, in DRF's order: headers normalized, request scope
 * (language, log keys), caller authenticated (bearer functions), body parsed (functions
 * that read one), the handler;
 * the error responder shapes whatever was thrown on the way.
 */
export function apiFunction(name: FunctionName, handle: (request: ApiRequest) => Promise<ApiResult>) {
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, ApiContext>()
    .use(errorResponder())
    .use(httpHeaderNormalizer())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requestScope());
  const spec: FunctionSpec = functions[name];
  if (spec.auth === 'bearer') chain.use(authentication());
  if (spec.readsBody) chain.use(bodyParser());
  return chain.handler(async (event, context) => toResponse(event, await handle(context.api)));
}

/** The caller of a `bearer` function (the chain guarantees it is there). */
export function callerOf(request: ApiRequest): UserRecord {
  if (!request.caller) throw new Error('callerOf used on a function without bearer authentication');
  return request.caller;
}
