import { z } from 'zod';
import { functions, routes } from '../routes.js';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../http/pagination.js';
import { operations, type OperationSpec } from './operations.js';

const errorDescriptions: Record<number, string> = {
  400: 'Validation error: `{"field": ["message"]}`, or `{"detail": "..."}`',
  401: 'Not authenticated, or the token is not valid',
  403: 'Not allowed',
  404: 'Not found',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Throttled; see `Retry-After`',
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** DRF's paths end in a slash; both forms are served. */
const documentedPath = (path: string) => (path.includes('.') ? path : `${path}/`);

function requestBody(spec: OperationSpec) {
  if (!spec.requestBody) return undefined;
  const schema = jsonSchema(spec.requestBody, 'input');
  const form = spec.avatarPart
    ? { ...schema, properties: { ...(schema.properties as object), avatar: { type: 'string', format: 'binary', description: 'Image, up to 5 MiB; resized asynchronously' } } }
    : schema;
  return {
    required: true,
    content: {
      'application/json': { schema },
      'application/x-www-form-urlencoded': { schema },
      'multipart/form-data': { schema: form },
    },
  };
}

function parameters(spec: OperationSpec) {
  return [
    ...(spec.pathId ? [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }] : []),
    ...(spec.list
      ? [
          { name: 'cursor', in: 'query', required: false, description: 'Opaque cursor from `next` or `previous`', schema: { type: 'string' } },
          { name: 'page_size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
        ]
      : []),
    ...(spec.query ?? []).map((q) => ({ ...q, in: 'query', required: false })),
  ];
}

/** The OpenAPI 3.1 document of every route, from the route table and the zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const spec = operations[route.function];
    if (!spec) continue;
    const { success } = spec;
    const responses: Record<string, unknown> = {
      [success.status]: {
        description: success.description,
        ...(success.schema && { content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } } }),
      },
    };
    for (const status of spec.errors) responses[status] = { description: errorDescriptions[status] };
    const bearer = functions[route.function].auth === 'bearer';
    (paths[documentedPath(route.path)] ??= {})[route.method.toLowerCase()] = {
      operationId: `${route.function}${route.path.endsWith('/create') ? '-old-path' : ''}`,
      summary: route.summary,
      security: bearer ? [{ bearerAuth: [] }] : [],
      parameters: parameters(spec),
      ...(spec.requestBody && { requestBody: requestBody(spec) }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Users and organizations API',
      version: '1.0.0',
      description: 'Register, log in (JWT), edit profiles, list users with their organizations and organizations with their users. Send `Accept-Language: ru` for Russian messages.',
    },
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
