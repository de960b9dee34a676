import { apiFunction } from '../shared/http/api-handler.js';
import { errors } from '../shared/http/errors.js';
import { pathId } from '../shared/http/path-id.js';
import { findOrganization } from '../shared/organizations/organization-store.js';
import { organizationViews } from '../shared/organizations/organization-view.js';

export const handler = apiFunction('organizations-retrieve', async ({ event }) => {
  const organization = await findOrganization(pathId(event));
  if (!organization) throw errors.notFound();
  const [view] = await organizationViews([organization]);
  return { statusCode: 200, body: view };
});
