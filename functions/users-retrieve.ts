import { apiFunction } from '../shared/http/api-handler.js';
import { errors } from '../shared/http/errors.js';
import { pathId } from '../shared/http/path-id.js';
import { findUser } from '../shared/users/user-store.js';
import { singleUserView } from '../shared/users/user-view.js';

export const handler = apiFunction('users-retrieve', async ({ event }) => {
  const user = await findUser(pathId(event));
  if (!user) throw errors.notFound();
  return { statusCode: 200, body: await singleUserView(user) };
});
