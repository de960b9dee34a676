import Negotiator from 'negotiator';
import { languages, type Language } from './messages.js';

/** The reply language from `Accept-Language`: English unless the client prefers Russian. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...languages]);
  return preferred === 'ru' ? 'ru' : 'en';
}
