import { normalizeEmail } from '../data/keys.js';
import type { Message } from '../http/messages.js';

/** The password rules that depend on the email (the others live in the schema). */
export function passwordSimilarity(password: string, email: string): Message | undefined {
  const candidate = password.toLowerCase();
  const address = normalizeEmail(email);
  const localPart = address.slice(0, address.lastIndexOf('@'));
  return candidate === address || candidate === localPart ? { code: 'password_too_similar' } : undefined;
}
