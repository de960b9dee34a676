import { login } from '../shared/auth/login.js';
import { tokenObtainSchema } from '../shared/auth/token-schemas.js';
import { apiFunction } from '../shared/http/api-handler.js';
import { validateBody } from '../shared/http/validation.js';

export const handler = apiFunction('token-obtain', async ({ body }) => {
  const { email, password } = validateBody(body, tokenObtainSchema);
  return { statusCode: 200, body: await login(email, password) };
});
