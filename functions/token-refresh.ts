import { refreshAccess } from '../shared/auth/login.js';
import { tokenRefreshSchema } from '../shared/auth/token-schemas.js';
import { apiFunction } from '../shared/http/api-handler.js';
import { validateBody } from '../shared/http/validation.js';

export const handler = apiFunction('token-refresh', async ({ body }) => {
  const { refresh } = validateBody(body, tokenRefreshSchema);
  return { statusCode: 200, body: await refreshAccess(refresh) };
});
