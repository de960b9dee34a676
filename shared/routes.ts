/**
 * The route table: the single source for the CDK stack, the local gateway and the
 * OpenAPI document. Paths are written as API Gateway HTTP API routes, without the
 * trailing slash (CloudFront and the local gateway strip it before routing).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type TableAccess = 'none' | 'read' | 'write';

export interface FunctionSpec {
  /** Source file of the Lambda handler, relative to the project root. */
  entry: string;
  /** `bearer` functions refuse requests without a valid access token. */
  auth: 'public' | 'bearer';
  table: TableAccess;
  /** Reads a request body (JSON, form or multipart); other functions never look at one. */
  readsBody?: boolean;
  /** Reads the JWT private key to mint tokens. */
  mintsTokens?: boolean;
  /** Writes raw avatar uploads under `uploads/` (multipart avatar or presigned POST). */
  writesUploads?: boolean;
  /** Deletes published avatars under `avatars/`. */
  deletesAvatars?: boolean;
  memoryMb?: number;
}

export const functions = {
  'users-create': { entry: 'functions/users-create.ts', auth: 'public', table: 'write', readsBody: true, writesUploads: true },
  'token-obtain': { entry: 'functions/token-obtain.ts', auth: 'public', table: 'write', readsBody: true, mintsTokens: true, memoryMb: 1024 },
  'token-refresh': { entry: 'functions/token-refresh.ts', auth: 'public', table: 'read', readsBody: true, mintsTokens: true },
  'users-list': { entry: 'functions/users-list.ts', auth: 'bearer', table: 'read' },
  'users-retrieve': { entry: 'functions/users-retrieve.ts', auth: 'bearer', table: 'read' },
  'users-me': { entry: 'functions/users-me.ts', auth: 'bearer', table: 'read' },
  'users-update': { entry: 'functions/users-update.ts', auth: 'bearer', table: 'write', readsBody: true, writesUploads: true },
  'users-replace': { entry: 'functions/users-replace.ts', auth: 'bearer', table: 'write', readsBody: true, writesUploads: true },
  'users-delete': { entry: 'functions/users-delete.ts', auth: 'bearer', table: 'write', deletesAvatars: true },
  'users-avatar-upload': { entry: 'functions/users-avatar-upload.ts', auth: 'bearer', table: 'read', writesUploads: true },
  'organizations-create': { entry: 'functions/organizations-create.ts', auth: 'bearer', table: 'write', readsBody: true },
  'organizations-list': { entry: 'functions/organizations-list.ts', auth: 'bearer', table: 'read' },
  'organizations-retrieve': { entry: 'functions/organizations-retrieve.ts', auth: 'bearer', table: 'read' },
  'openapi': { entry: 'functions/openapi.ts', auth: 'public', table: 'none' },
  'docs': { entry: 'functions/docs.ts', auth: 'public', table: 'none' },
  'not-found': { entry: 'functions/not-found.ts', auth: 'public', table: 'none' },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;

export interface Route {
  method: HttpMethod;
  path: string;
  function: FunctionName;
  summary: string;
}

export const routes: readonly Route[] = [
  { method: 'POST', path: '/users', function: 'users-create', summary: 'Register a user' },
  { method: 'POST', path: '/token', function: 'token-obtain', summary: 'Obtain an access and a refresh token' },
  { method: 'POST', path: '/token/refresh', function: 'token-refresh', summary: 'Obtain a new access token' },
  { method: 'GET', path: '/users', function: 'users-list', summary: 'List users with their organizations' },
  { method: 'GET', path: '/users/me', function: 'users-me', summary: 'The calling user' },
  { method: 'GET', path: '/users/{id}', function: 'users-retrieve', summary: 'One user with their organizations' },
  { method: 'PATCH', path: '/users/{id}', function: 'users-update', summary: 'Update some fields of a profile' },
  { method: 'PUT', path: '/users/{id}', function: 'users-replace', summary: 'Replace a profile' },
  { method: 'DELETE', path: '/users/{id}', function: 'users-delete', summary: 'Delete a user' },
  { method: 'POST', path: '/users/{id}/avatar', function: 'users-avatar-upload', summary: 'Get a presigned avatar upload' },
  { method: 'POST', path: '/organizations', function: 'organizations-create', summary: 'Create an organization' },
  { method: 'POST', path: '/organizations/create', function: 'organizations-create', summary: 'Create an organization (old path)' },
  { method: 'GET', path: '/organizations', function: 'organizations-list', summary: 'List organizations with their users' },
  { method: 'GET', path: '/organizations/{id}', function: 'organizations-retrieve', summary: 'One organization with its users' },
  { method: 'GET', path: '/openapi.json', function: 'openapi', summary: 'This API as an OpenAPI 3.1 document' },
  { method: 'GET', path: '/docs', function: 'docs', summary: 'Interactive API documentation' },
];

/** Answers every request that no route matches (unknown path: 404, known path: 405). */
export const defaultRoute = { function: 'not-found' } as const satisfies { function: FunctionName };

/** Functions that are not behind a route. */
export const backgroundFunctions = {
  'avatar-resize': { entry: 'functions/avatar-resize.ts', memoryMb: 1536 },
} as const;
