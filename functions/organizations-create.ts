import { apiFunction } from '../shared/http/api-handler.js';
import { validateBody } from '../shared/http/validation.js';
import { organizationCreateSchema } from '../shared/organizations/organization-schemas.js';
import { createOrganization } from '../shared/organizations/organization-store.js';

export const handler = apiFunction('organizations-create', async ({ body }) => {
  const { name, description } = validateBody(body, organizationCreateSchema);
  const organization = await createOrganization({ name, description: description ?? null });
  return {
    statusCode: 201,
    headers: { location: `/organizations/${organization.id}/` },
    body: { ...organization, users: [] },
  };
});
