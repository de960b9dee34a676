/**
 * The single table's shape, read by the CDK stack and by the local stack, so both
 * create the same keys and indexes.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB removes expired items (login throttling windows). */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    {
      /**
       * Sparse index: the user list, the organization list, and membership edges
       * inverted (organization -> its users). Only items that set GSI1PK are in it.
       */
      indexName: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
      /** What list pages read from the index; password hashes never reach it. */
      nonKeyAttributes: [
        'id', 'email', 'firstName', 'lastName', 'phone', 'avatarKey', 'dateJoined', 'organizationIds',
        'userId', 'organizationId', 'name', 'description',
      ],
    },
  ],
} as const;
