import { findUserSummaries } from '../users/user-store.js';
import type { OrganizationRecord } from './organization-record.js';
import { memberIdsOf } from './organization-store.js';

const summary = (organization: OrganizationRecord) => ({
  id: organization.id,
  name: organization.name,
  description: organization.description,
});

/**
 * Organizations with their users (ordered by id): the member edges of all of them in
 * parallel, then one batched read of the members.
 */
export async function organizationViews(organizations: OrganizationRecord[]) {
  const members = await memberIdsOf(organizations.map((organization) => organization.id));
  const userIds = [...new Set([...members.values()].flat())];
  const users = userIds.length > 0 ? await findUserSummaries(userIds) : new Map();
  return organizations.map((organization) => ({
    ...summary(organization),
    users: (members.get(organization.id) ?? []).flatMap((id) => {
      const user = users.get(id);
      return user ? [{ id: user.id, email: user.email, first_name: user.firstName, last_name: user.lastName }] : [];
    }),
  }));
}

/** Organizations without their users (`?users=0`, and a new organization). */
export const organizationSummaries = (organizations: OrganizationRecord[]) => organizations.map(summary);
