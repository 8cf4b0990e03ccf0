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

/** Every key attribute an item may carry: an item's own data is what remains without them. */
export const KEY_ATTRIBUTES: readonly string[] = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey])];

/** The key attribute names of one index (`gsi2` → `gsi2pk`, `gsi2sk`). */
export function indexKeyNames(name: IndexName): { partitionKey: string; sortKey: string } {
  const index = TABLE_INDEXES.find((candidate) => candidate.name === name)!;
  return { partitionKey: index.partitionKey, sortKey: index.sortKey };
}

/** An item without its key attributes (and TTL): what a store hands back. */
export function withoutKeys<T>(item: Record<string, unknown>, alsoDrop: readonly string[] = []): T {
  const rest = { ...item };
  for (const name of [...KEY_ATTRIBUTES, ...alsoDrop]) delete rest[name];
  return rest as T;
}

/**
 * The keys a module writes, for the check that no two modules can write the same item or share an index
 * partition (test/core/table-keys.test.ts). Each module's `keySpace()` builds it by calling its own key builders
 * with `ANY` for every variable part, so the description cannot drift from the keys written; a function, so a
 * Lambda bundle that never asks for it carries none of it.
 */
export interface KeySpace {
  module: string;
  /** Base table items as (pk, sk) patterns: modules may share a partition, never an item. */
  items: ReadonlyArray<{ pk: string; sk: string }>;
  /** Index partitions (gsiNpk values) per index: a partition belongs to one module. */
  partitions: Partial<Record<IndexName, readonly string[]>>;
}

/** Stands for any id or value in a KeySpace pattern. */
export const ANY = '*';
