import { apiFunction } from '../shared/http/api-handler.js';
import { pageLinks, pageRequest } from '../shared/http/pagination.js';
import { listOrganizations } from '../shared/organizations/organization-store.js';
import { organizationSummaries, organizationViews } from '../shared/organizations/organization-view.js';

export const handler = apiFunction('organizations-list', async ({ event }) => {
  const request = pageRequest(event);
  const { organizations, hasMore } = await listOrganizations(request.size, request.position);
  const links = pageLinks(event, '/organizations/', request, { ids: organizations.map((o) => o.id), hasMore });
  const withUsers = new URLSearchParams(event.rawQueryString ?? '').get('users') !== '0';
  const results = withUsers ? await organizationViews(organizations) : organizationSummaries(organizations);
  return { statusCode: 200, body: { ...links, results } };
});
