import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { batchGet } from '../data/batch-get.js';
import { dynamodb } from '../data/client.js';
import { keys, normalizeEmail, partitions } from '../data/keys.js';
import { queryListPage, type PagePosition } from '../data/list-pages.js';
import { failedConditions, transactWrite } from '../data/transactions.js';
import type { UserRecord } from './user-record.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why a user write was refused by its conditions. */
export type UserWriteConflict =
  | { reason: 'email_taken' }
  | { reason: 'unknown_organization'; organizationId: number }
  | { reason: 'changed' };

export class UserWriteConflictError extends Error {
  constructor(readonly conflict: UserWriteConflict) {
    super(`User write refused: ${conflict.reason}`);
    this.name = 'UserWriteConflictError';
  }
}

const profileFields = ['email', 'firstName', 'lastName', 'phone', 'organizationIds', 'passwordHash', 'passwordVersion'] as const;
export type ProfileChanges = Partial<Pick<UserRecord, (typeof profileFields)[number]>>;

export function fromItem(item: Record<string, unknown>): UserRecord {
  return {
    id: Number(item.id),
    email: String(item.email),
    firstName: (item.firstName as string | null | undefined) ?? null,
    lastName: (item.lastName as string | null | undefined) ?? null,
    phone: (item.phone as string | null | undefined) ?? null,
    avatarKey: (item.avatarKey as string | null | undefined) ?? null,
    organizationIds: ((item.organizationIds as number[] | undefined) ?? []).map(Number),
    dateJoined: String(item.dateJoined),
    isSuperuser: item.isSuperuser === true,
    passwordHash: String(item.passwordHash ?? ''),
    passwordVersion: Number(item.passwordVersion ?? 0),
    version: Number(item.version ?? 0),
  };
}

function toItem(user: UserRecord): Record<string, unknown> {
  const { avatarKey, ...rest } = user;
  return {
    ...keys.user(user.id),
    ...keys.userListEntry(user.id),
    ...rest,
    ...(avatarKey !== null && { avatarKey }),
  };
}

const membershipItem = (userId: number, organizationId: number) => ({
  ...keys.membership(userId, organizationId),
  ...keys.membershipInverted(userId, organizationId),
  userId,
  organizationId,
});

/**
 * The conditions and writes that make the user's edges exactly `next`: each new edge
 * checks that its organization exists, so an unknown id cancels the whole write.
 */
function membershipWrites(tableName: string, userId: number, previous: number[], next: number[]): TransactItem[] {
  const added = next.filter((id) => !previous.includes(id));
  const removed = previous.filter((id) => !next.includes(id));
  return [
    ...added.map((organizationId): TransactItem => ({
      ConditionCheck: { TableName: tableName, Key: keys.organization(organizationId), ConditionExpression: 'attribute_exists(PK)' },
    })),
    ...added.map((organizationId): TransactItem => ({ Put: { TableName: tableName, Item: membershipItem(userId, organizationId) } })),
    ...removed.map((organizationId): TransactItem => ({ Delete: { TableName: tableName, Key: keys.membership(userId, organizationId) } })),
  ];
}

function reservationPut(tableName: string, email: string, userId: number): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.emailReservation(email), userId },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Runs a user transaction and turns a refused condition into what it means. */
async function writeUserTransaction(items: TransactItem[], meaningOf: (index: number) => UserWriteConflict): Promise<void> {
  try {
    await transactWrite(items);
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed) throw error;
    throw new UserWriteConflictError(meaningOf(failed[0]!));
  }
}

export async function findUser(id: number): Promise<UserRecord | undefined> {
  const { Item } = await dynamodb.send(new GetCommand({ TableName: config.tableName(), Key: keys.user(id), ConsistentRead: true }));
  return Item && fromItem(Item);
}

/** The user id an email (in any case) belongs to. */
export async function findUserIdByEmail(email: string): Promise<number | undefined> {
  const { Item } = await dynamodb.send(new GetCommand({ TableName: config.tableName(), Key: keys.emailReservation(email), ConsistentRead: true }));
  return Item ? Number(Item.userId) : undefined;
}

/** Creates the user, its email reservation and its membership edges in one transaction. */
export async function insertUser(user: UserRecord): Promise<void> {
  const tableName = config.tableName();
  const memberships = membershipWrites(tableName, user.id, [], user.organizationIds);
  await writeUserTransaction(
    [
      { Put: { TableName: tableName, Item: toItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
      reservationPut(tableName, user.email, user.id),
      ...memberships,
    ],
    (index) => {
      if (index === 1) return { reason: 'email_taken' };
      const organizationId = user.organizationIds[index - 2];
      return organizationId !== undefined ? { reason: 'unknown_organization', organizationId } : { reason: 'changed' };
    },
  );
}

/**
 * Applies profile changes on top of the version that was read: the email reservation
 * moves with the email, the membership edges follow `organizationIds`, all at once.
 */
export async function updateUser(user: UserRecord, changes: ProfileChanges): Promise<UserRecord> {
  const tableName = config.tableName();
  const next: UserRecord = { ...user, ...changes, version: user.version + 1 };
  const emailMoves = normalizeEmail(next.email) !== normalizeEmail(user.email);
  const memberships = membershipWrites(tableName, user.id, user.organizationIds, next.organizationIds);
  const addedOrganizations = next.organizationIds.filter((id) => !user.organizationIds.includes(id));

  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': user.version, ':next': next.version };
  const sets = ['#version = :next'];
  for (const field of profileFields) {
    if (!(field in changes)) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = next[field];
    sets.push(`#${field} = :${field}`);
  }

  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: keys.user(user.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...(emailMoves
      ? [
          reservationPut(tableName, next.email, user.id),
          { Delete: { TableName: tableName, Key: keys.emailReservation(user.email) } } satisfies TransactItem,
        ]
      : []),
    ...memberships,
  ];
  const firstMembership = emailMoves ? 3 : 1;
  await writeUserTransaction(items, (index) => {
    if (emailMoves && index === 1) return { reason: 'email_taken' };
    const organizationId = addedOrganizations[index - firstMembership];
    return index >= firstMembership && organizationId !== undefined
      ? { reason: 'unknown_organization', organizationId }
      : { reason: 'changed' };
  });
  return next;
}

/** Removes the user, its email reservation and its membership edges in one transaction. */
export async function deleteUser(user: UserRecord): Promise<void> {
  const tableName = config.tableName();
  await writeUserTransaction(
    [
      {
        Delete: {
          TableName: tableName,
          Key: keys.user(user.id),
          ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': user.version },
        },
      },
      { Delete: { TableName: tableName, Key: keys.emailReservation(user.email) } },
      ...membershipWrites(tableName, user.id, user.organizationIds, []),
    ],
    () => ({ reason: 'changed' }),
  );
}

/** Public fields of users by id (members of organizations); unknown ids are absent. */
export async function findUserSummaries(ids: number[]): Promise<Map<number, UserRecord>> {
  const items = await batchGet(ids.map(keys.user), ['id', 'email', 'firstName', 'lastName']);
  return new Map(items.map((item) => [Number(item.id), fromItem(item)]));
}

export async function listUsers(size: number, position: PagePosition) {
  const page = await queryListPage(partitions.userList, size, position);
  return { users: page.items.map(fromItem), hasMore: page.hasMore };
}
