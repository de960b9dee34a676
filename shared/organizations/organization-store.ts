import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { batchGet } from '../data/batch-get.js';
import { dynamodb } from '../data/client.js';
import { nextId } from '../data/ids.js';
import { keys, partitions } from '../data/keys.js';
import { queryListPage, type PagePosition } from '../data/list-pages.js';
import type { OrganizationRecord } from './organization-record.js';

const fromItem = (item: Record<string, unknown>): OrganizationRecord => ({
  id: Number(item.id),
  name: String(item.name),
  description: (item.description as string | null | undefined) ?? null,
});

export async function createOrganization(fields: Omit<OrganizationRecord, 'id'>): Promise<OrganizationRecord> {
  const organization = { id: await nextId('ORG'), ...fields };
  await dynamodb.send(new PutCommand({
    TableName: config.tableName(),
    Item: { ...keys.organization(organization.id), ...keys.organizationListEntry(organization.id), ...organization },
    ConditionExpression: 'attribute_not_exists(PK)',
  }));
  return organization;
}

export async function findOrganization(id: number): Promise<OrganizationRecord | undefined> {
  const { Item } = await dynamodb.send(new GetCommand({ TableName: config.tableName(), Key: keys.organization(id) }));
  return Item && fromItem(Item);
}

/** Organizations by id; unknown ids are absent from the map. */
export async function findOrganizations(ids: number[]): Promise<Map<number, OrganizationRecord>> {
  const items = await batchGet(ids.map(keys.organization), ['id', 'name', 'description']);
  return new Map(items.map((item) => [Number(item.id), fromItem(item)]));
}

export async function listOrganizations(size: number, position: PagePosition) {
  const page = await queryListPage(partitions.organizationList, size, position);
  return { organizations: page.items.map(fromItem), hasMore: page.hasMore };
}

/**
 * The member ids of each organization, ascending, read from the inverted membership
 * edges: one Query per organization, all in parallel.
 */
export async function memberIdsOf(organizationIds: number[]): Promise<Map<number, number[]>> {
  const lists = await Promise.all(organizationIds.map(async (organizationId) => {
    const userIds: number[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamodb.send(new QueryCommand({
        TableName: config.tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': partitions.membersOfOrganization(organizationId) },
        ProjectionExpression: 'userId',
        ExclusiveStartKey: startKey,
      }));
      userIds.push(...(page.Items ?? []).map((item) => Number(item.userId)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return [organizationId, userIds] as const;
  }));
  return new Map(lists);
}
