import { apiFunction } from '../shared/http/api-handler.js';
import { editProfileEndpoint } from '../shared/users/profile-edit-endpoint.js';

export const handler = apiFunction('users-replace', (request) => editProfileEndpoint(request, 'replace'));
