import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamodb } from './client.js';
import { sortableId } from './keys.js';

/** Where a list page starts: after an id (forward) or before one (backward). */
export type PagePosition = { after: number } | { before: number } | undefined;

export interface ListPage {
  /** In ascending id order. */
  items: Record<string, unknown>[];
  /** More items lie beyond the page in the direction of travel. */
  hasMore: boolean;
}

/**
 * One page of a list partition of the GSI1 index, in id order. It asks for one item
 * more than the page to learn whether another page follows; a 1 MB response limit
 * can split that into more than one request, which the loop follows.
 */
export async function queryListPage(partition: string, size: number, position: PagePosition): Promise<ListPage> {
  const backward = position !== undefined && 'before' in position;
  const bound = position === undefined ? undefined : 'before' in position ? position.before : position.after;
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamodb.send(new QueryCommand({
      TableName: config.tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: bound === undefined ? 'GSI1PK = :pk' : `GSI1PK = :pk AND GSI1SK ${backward ? '<' : '>'} :bound`,
      ExpressionAttributeValues: { ':pk': partition, ...(bound !== undefined && { ':bound': sortableId(bound) }) },
      ScanIndexForward: !backward,
      Limit: size + 1 - items.length,
      ExclusiveStartKey: startKey,
    }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length <= size);
  const hasMore = items.length > size;
  const pageItems = items.slice(0, size);
  return { items: backward ? pageItems.reverse() : pageItems, hasMore };
}
