import { z } from 'zod';

/** What the gateway writes back to the client. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * A structured payload 2.0 result. API Gateway would infer a 200 from a result without a
 * statusCode; every function of this API returns structured results, so locally such a
 * result is treated as the bug it is.
 */
const lambdaResult = z.object({
  statusCode: z.int().min(100).max(599),
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  cookies: z.array(z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});

export class InvalidLambdaResultError extends Error {
  constructor(issues: string) {
    super(`The function returned an invalid result: ${issues}`);
    this.name = 'InvalidLambdaResultError';
  }
}

/** Turns a function's result into the HTTP response, as API Gateway does: cookies become Set-Cookie headers. */
export function toHttpReply(result: unknown): HttpReply {
  const parsed = lambdaResult.safeParse(result);
  if (!parsed.success) throw new InvalidLambdaResultError(z.prettifyError(parsed.error));
  const { statusCode, headers = {}, cookies = [], body = '', isBase64Encoded = false } = parsed.data;

  const replyHeaders: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) replyHeaders[name.toLowerCase()] = String(value);
  if (cookies.length > 0) {
    const existing = replyHeaders['set-cookie'];
    replyHeaders['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...cookies];
  }
  return { statusCode, headers: replyHeaders, body: Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8') };
}
