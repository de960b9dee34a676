import { createAvatarUpload } from '../shared/avatars/presigned-upload.js';
import { apiFunction, callerOf } from '../shared/http/api-handler.js';
import { writableUser } from '../shared/users/user-access.js';

export const handler = apiFunction('users-avatar-upload', async (request) => {
  const user = await writableUser(request.event, callerOf(request));
  return { statusCode: 201, body: await createAvatarUpload(user.id) };
});
