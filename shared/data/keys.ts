/**
 * Every item key of the single table is built here and nowhere else.
 *
 * | item              | PK                   | SK              | GSI1PK       | GSI1SK             |
 * |-------------------|----------------------|-----------------|--------------|--------------------|
 * | user              | USER#<id>            | USER            | USERS        | <id, 16 digits>    |
 * | organization      | ORG#<id>             | ORG             | ORGS         | <id, 16 digits>    |
 * | membership edge   | USER#<userId>        | ORG#<orgId 16>  | ORG#<orgId>  | USER#<userId 16>   |
 * | email reservation | EMAIL#<email lower>  | EMAIL           |              |                    |
 * | id counter        | COUNTER#<entity>     | COUNTER         |              |                    |
 * | login failures    | LOGIN_FAILURES#<e>   | LOGIN_FAILURES  |              |                    |
 *
 * Sort keys carry zero-padded ids so that string order is id order.
 */
const ID_DIGITS = 16;

export const sortableId = (id: number): string => String(id).padStart(ID_DIGITS, '0');

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const keys = {
  user: (id: number) => ({ PK: `USER#${id}`, SK: 'USER' }),
  userListEntry: (id: number) => ({ GSI1PK: 'USERS', GSI1SK: sortableId(id) }),
  organization: (id: number) => ({ PK: `ORG#${id}`, SK: 'ORG' }),
  organizationListEntry: (id: number) => ({ GSI1PK: 'ORGS', GSI1SK: sortableId(id) }),
  membership: (userId: number, organizationId: number) => ({
    PK: `USER#${userId}`,
    SK: `ORG#${sortableId(organizationId)}`,
  }),
  membershipInverted: (userId: number, organizationId: number) => ({
    GSI1PK: `ORG#${organizationId}`,
    GSI1SK: `USER#${sortableId(userId)}`,
  }),
  emailReservation: (email: string) => ({ PK: `EMAIL#${normalizeEmail(email)}`, SK: 'EMAIL' }),
  counter: (entity: 'USER' | 'ORG') => ({ PK: `COUNTER#${entity}`, SK: 'COUNTER' }),
  loginFailures: (email: string) => ({ PK: `LOGIN_FAILURES#${normalizeEmail(email)}`, SK: 'LOGIN_FAILURES' }),
};

/** Key conditions of the access patterns in docs/data-model.md. */
export const partitions = {
  userList: 'USERS',
  organizationList: 'ORGS',
  membershipsOfUserPrefix: 'ORG#',
  membersOfOrganization: (organizationId: number) => `ORG#${organizationId}`,
};
