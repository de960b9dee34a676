import { z } from 'zod';
import { accessTokenSchema, tokenObtainSchema, tokenPairSchema, tokenRefreshSchema } from '../auth/token-schemas.js';
import { organizationCreateSchema, organizationSchema } from '../organizations/organization-schemas.js';
import type { FunctionName } from '../routes.js';
import { userCreateSchema, userReplaceSchema, userSchema, userUpdateSchema } from '../users/user-schemas.js';

/** What the document says of each function beyond the route table: bodies, replies, parameters. */
export interface OperationSpec {
  requestBody?: z.ZodObject;
  /** The multipart form also takes an `avatar` file part. */
  avatarPart?: boolean;
  success: { status: number; schema?: z.ZodType; description: string };
  errors: number[];
  pathId?: boolean;
  list?: boolean;
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
}

const page = (item: z.ZodType) =>
  z.object({ next: z.url().nullable(), previous: z.url().nullable(), results: z.array(item) });

const avatarUploadSchema = z
  .object({
    upload: z.object({ url: z.url(), fields: z.record(z.string(), z.string()) }),
    expires_in: z.int(),
    max_bytes: z.int(),
  })
  .meta({ id: 'AvatarUpload', description: 'Post `fields` plus a `file` part to `url` as multipart/form-data.' });

export const operations: Partial<Record<FunctionName, OperationSpec>> = {
  'users-create': { requestBody: userCreateSchema, avatarPart: true, success: { status: 201, schema: userSchema, description: 'The new user' }, errors: [400, 413, 415] },
  'token-obtain': { requestBody: tokenObtainSchema, success: { status: 200, schema: tokenPairSchema, description: 'Access and refresh tokens' }, errors: [400, 401, 415, 429] },
  'token-refresh': { requestBody: tokenRefreshSchema, success: { status: 200, schema: accessTokenSchema, description: 'A new access token' }, errors: [400, 401, 415] },
  'users-list': { list: true, success: { status: 200, schema: page(userSchema), description: 'A page of users' }, errors: [400, 401] },
  'users-me': { success: { status: 200, schema: userSchema, description: 'The caller' }, errors: [401] },
  'users-retrieve': { pathId: true, success: { status: 200, schema: userSchema, description: 'The user' }, errors: [401, 404] },
  'users-update': { pathId: true, requestBody: userUpdateSchema, avatarPart: true, success: { status: 200, schema: userSchema, description: 'The updated user' }, errors: [400, 401, 403, 404, 413, 415] },
  'users-replace': { pathId: true, requestBody: userReplaceSchema, avatarPart: true, success: { status: 200, schema: userSchema, description: 'The replaced user' }, errors: [400, 401, 403, 404, 413, 415] },
  'users-delete': { pathId: true, success: { status: 204, description: 'Deleted' }, errors: [401, 403, 404] },
  'users-avatar-upload': { pathId: true, success: { status: 201, schema: avatarUploadSchema, description: 'A presigned upload' }, errors: [401, 403, 404] },
  'organizations-create': { requestBody: organizationCreateSchema, success: { status: 201, schema: organizationSchema, description: 'The new organization' }, errors: [400, 401, 415] },
  'organizations-list': {
    list: true,
    query: [{ name: 'users', description: '`0` leaves the `users` arrays out', schema: { type: 'string', enum: ['0', '1'] } }],
    success: { status: 200, schema: page(organizationSchema), description: 'A page of organizations' },
    errors: [400, 401],
  },
  'organizations-retrieve': { pathId: true, success: { status: 200, schema: organizationSchema, description: 'The organization' }, errors: [401, 404] },
  'openapi': { success: { status: 200, description: 'This document' }, errors: [] },
  'docs': { success: { status: 200, description: 'An HTML page' }, errors: [] },
};
