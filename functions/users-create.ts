import { storeAvatarUpload } from '../shared/avatars/multipart-upload.js';
import { apiFunction } from '../shared/http/api-handler.js';
import { validateBody } from '../shared/http/validation.js';
import { registerUser } from '../shared/users/register-user.js';
import { userCreateSchema } from '../shared/users/user-schemas.js';
import { singleUserView } from '../shared/users/user-view.js';
import { avatarProcessingHeader, avatarPart } from '../shared/users/avatar-part.js';

export const handler = apiFunction('users-create', async ({ body }) => {
  const input = validateBody(body, userCreateSchema, ['avatar']);
  const avatar = avatarPart(body);
  const user = await registerUser(input);
  if (avatar) await storeAvatarUpload(user.id, avatar);
  return {
    statusCode: 201,
    headers: { location: `/users/${user.id}/`, ...(avatar && avatarProcessingHeader) },
    body: await singleUserView(user),
  };
});
