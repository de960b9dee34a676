import { apiFunction } from '../shared/http/api-handler.js';
import { errors } from '../shared/http/errors.js';
import { allowedMethods } from '../shared/http/route-match.js';

/** The `$default` route: a known path with another method is a 405, anything else a 404. */
export const handler = apiFunction('not-found', async ({ event }) => {
  const allowed = allowedMethods(event.requestContext.http.path);
  if (allowed.length > 0) throw errors.methodNotAllowed(event.requestContext.http.method, allowed);
  throw errors.notFound();
});
