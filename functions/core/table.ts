/**
 * The single table's key schema, shared by the local server (which creates it in dynalite) and the CDK stack.
 * Keys are generic so each access pattern picks an index by what it stores in gsiNpk / gsiNsk.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

const INDEX_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6'] as const;

export type IndexName = (typeof INDEX_NAMES)[number];

/** The key attribute names of one index (`gsi2` → `gsi2pk`, `gsi2sk`). */
export function indexKeyNames(name: IndexName): { partitionKey: string; sortKey: string } {
  return { partitionKey: `${name}pk`, sortKey: `${name}sk` };
}

export const TABLE_INDEXES = /* @__PURE__ */ INDEX_NAMES.map((name) => ({ name, ...indexKeyNames(name) }));

/** Items that expire (idempotency records, delivered-notification markers) carry this epoch-seconds attribute. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Every key attribute an item may carry: an item's own data is what remains without them. */
export const KEY_ATTRIBUTES: readonly string[] = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...INDEX_NAMES.flatMap((name) => Object.values(indexKeyNames(name)))];

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
