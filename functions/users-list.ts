import { apiFunction } from '../shared/http/api-handler.js';
import { pageLinks, pageRequest } from '../shared/http/pagination.js';
import { listUsers } from '../shared/users/user-store.js';
import { userViews } from '../shared/users/user-view.js';

export const handler = apiFunction('users-list', async ({ event }) => {
  const request = pageRequest(event);
  const { users, hasMore } = await listUsers(request.size, request.position);
  const links = pageLinks(event, '/users/', request, { ids: users.map((user) => user.id), hasMore });
  return { statusCode: 200, body: { ...links, results: await userViews(users) } };
});
