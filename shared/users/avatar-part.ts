import type { ParsedBody, UploadedFile } from '../http/body-parsing.js';

/** The multipart `avatar` file part of a user write, if there is one with content. */
export function avatarPart(body: ParsedBody): UploadedFile | undefined {
  const file = body.kind === 'form' ? body.files.avatar : undefined;
  return file && file.content.length > 0 ? file : undefined;
}

/**
 * Tells the client that the avatar it sent is being resized: the user's `avatar`
 * changes once the resize function has published it.
 */
export const avatarProcessingHeader = { 'avatar-status': 'processing' } as const;
