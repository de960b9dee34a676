/**
 * Object keys in S3 event notifications are URL-encoded the way HTML forms encode values:
 * a space becomes `+`, every other byte outside `[A-Za-z0-9.*_-]` becomes `%XX`, and `/`
 * is left as it is.
 */
export function decodeEventKey(encodedKey: string): string {
  return decodeURIComponent(encodedKey.replace(/\+/g, ' '));
}

/** The inverse of decodeEventKey: what S3 writes into an event for a raw key. */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}
