import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Bytes that are not valid UTF-8, so only a correct base64 round trip preserves them. */
export const binaryBody = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x80, 0x81]);

export async function handler(): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'image/jpeg', 'set-cookie': 'first=1' },
    cookies: ['second=2', 'third=3; HttpOnly'],
    body: binaryBody.toString('base64'),
    isBase64Encoded: true,
  };
}
