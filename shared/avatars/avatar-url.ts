import { config } from '../config.js';

/** The public URL of a published avatar, which a browser fetches without credentials. */
export function avatarUrl(avatarKey?: string | null): string | null {
  return avatarKey ? `${config.avatarsBaseUrl()}/${avatarKey}` : null;
}
