/**
 * The single table's key schema, shared by the local server (which creates it in dynalite) and the CDK stack.
 * Keys are generic so each access pattern picks an index by what it stores in gsiNpk / gsiNsk.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLE_INDEXES = [
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
] as const;

export type IndexName = (typeof TABLE_INDEXES)[number]['name'];

/** Items that expire (idempotency records, delivered-notification markers) carry this epoch-seconds attribute. */
export const TTL_ATTRIBUTE = 'expiresAt';
