import type { Message, MessageCode, MessageParams } from './messages.js';

/** Field errors in DRF's shape before translation: one list of messages per field. */
export type FieldMessages = Record<string, Message[]>;

/**
 * An error a client caused or is told about. It carries its HTTP status and a body
 * made of untranslated messages; the error responder turns it into a DRF body.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: { detail: Message; code?: string } | { fields: FieldMessages },
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${statusCode}`);
    this.name = 'ApiError';
  }
}

const detail = (statusCode: number, code: MessageCode, params?: MessageParams, headers?: Record<string, string>) =>
  new ApiError(statusCode, { detail: { code, params } }, headers);

const bearerChallenge = { 'www-authenticate': 'Bearer realm="api"' };

export const errors = {
  validation: (fields: FieldMessages) => new ApiError(400, { fields }),
  field: (field: string, code: MessageCode, params?: MessageParams) =>
    new ApiError(400, { fields: { [field]: [{ code, params }] } }),
  badRequest: (code: MessageCode, params?: MessageParams) => detail(400, code, params),
  notAuthenticated: () => detail(401, 'not_authenticated', undefined, bearerChallenge),
  tokenNotValid: () => new ApiError(401, { detail: { code: 'token_not_valid' }, code: 'token_not_valid' }, bearerChallenge),
  noActiveAccount: () => detail(401, 'no_active_account', undefined, bearerChallenge),
  permissionDenied: () => detail(403, 'permission_denied'),
  notFound: () => detail(404, 'not_found'),
  methodNotAllowed: (method: string, allow: string[]) =>
    detail(405, 'method_not_allowed', { method }, { allow: allow.join(', ') }),
  conflict: () => detail(409, 'conflict'),
  requestTooLarge: () => detail(413, 'request_too_large'),
  unsupportedMediaType: (type: string) => detail(415, 'unsupported_media_type', { type }),
  throttled: (waitSeconds: number) =>
    detail(429, 'throttled', { wait: waitSeconds }, { 'retry-after': String(waitSeconds) }),
};
