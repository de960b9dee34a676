import type { IncomingMessage } from 'node:http';

/** Lambda's synchronous invocation payload limit; larger requests never reach a function. */
export const MAX_REQUEST_BODY_BYTES = 6 * 1024 * 1024;

/**
 * The request body, or undefined as soon as it is known to exceed `limit` bytes: at once
 * from Content-Length, otherwise when the received bytes pass it. The rest of an oversized
 * body is read and dropped, never held in memory.
 */
export function readBody(request: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer | undefined> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) {
    request.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const collect = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', collect);
      request.off('end', finish);
      request.resume();
      resolve(undefined);
    };
    const finish = () => resolve(Buffer.concat(chunks));
    request.on('data', collect);
    request.on('end', finish);
    request.on('error', reject);
  });
}
