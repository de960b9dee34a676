import { apiFunction, callerOf } from '../shared/http/api-handler.js';
import { singleUserView } from '../shared/users/user-view.js';

export const handler = apiFunction('users-me', async (request) => ({
  statusCode: 200,
  body: await singleUserView(callerOf(request)),
}));
