import { storeAvatarUpload } from '../avatars/multipart-upload.js';
import { callerOf, type ApiRequest, type ApiResult } from '../http/api-handler.js';
import { validateBody } from '../http/validation.js';
import { avatarPart, avatarProcessingHeader } from './avatar-part.js';
import { editProfile, type EditMode } from './edit-profile.js';
import { writableUser } from './user-access.js';
import { userReplaceSchema, userUpdateSchema } from './user-schemas.js';
import { singleUserView } from './user-view.js';

/** PATCH and PUT /users/{id}/: the same steps, with the mode's schema. */
export async function editProfileEndpoint(request: ApiRequest, mode: EditMode): Promise<ApiResult> {
  const user = await writableUser(request.event, callerOf(request));
  const input = validateBody(request.body, mode === 'partial' ? userUpdateSchema : userReplaceSchema, ['avatar']);
  const avatar = avatarPart(request.body);
  const updated = await editProfile(user, input, mode);
  if (avatar) await storeAvatarUpload(updated.id, avatar);
  return { statusCode: 200, headers: avatar && avatarProcessingHeader, body: await singleUserView(updated) };
}
