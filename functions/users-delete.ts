import { apiFunction, callerOf } from '../shared/http/api-handler.js';
import { deleteAccount } from '../shared/users/delete-account.js';
import { writableUser } from '../shared/users/user-access.js';

export const handler = apiFunction('users-delete', async (request) => {
  await deleteAccount(await writableUser(request.event, callerOf(request)));
  return { statusCode: 204 };
});
