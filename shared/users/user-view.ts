import { avatarUrl } from '../avatars/avatar-url.js';
import type { OrganizationRecord } from '../organizations/organization-record.js';
import { findOrganizations } from '../organizations/organization-store.js';
import type { UserRecord } from './user-record.js';

/** The user as clients see it (DRF field names); never the password hash. */
export function userView(user: UserRecord, organizations: Map<number, OrganizationRecord>) {
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    phone: user.phone,
    avatar: avatarUrl(user.avatarKey),
    organizations: user.organizationIds.flatMap((id) => {
      const organization = organizations.get(id);
      return organization ? [{ id: organization.id, name: organization.name, description: organization.description }] : [];
    }),
    date_joined: user.dateJoined,
  };
}

export type UserView = ReturnType<typeof userView>;

/** Views of users with their organizations: one batched read for all of them. */
export async function userViews(users: UserRecord[]): Promise<UserView[]> {
  const organizationIds = [...new Set(users.flatMap((user) => user.organizationIds))];
  const organizations = organizationIds.length > 0 ? await findOrganizations(organizationIds) : new Map();
  return users.map((user) => userView(user, organizations));
}

export async function singleUserView(user: UserRecord): Promise<UserView> {
  const [view] = await userViews([user]);
  return view!;
}
