import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ANY, type KeySpace } from './table.ts';

/**
 * Organisation items (`ORG#<id>` / `PROFILE`) and how they are listed: every writer builds the item here, so
 * each one lands in the generic gsi2 partition `ORGS` that `GET /api/orgs` queries (sorted by name).
 */
export interface Organisation {
  id: string;
  name: string;
  /** The language its people get when they chose none (core/locale.ts). */
  lang?: string;
}

export const ORGANISATIONS_PARTITION = 'ORGS';

export const organisationKey = (id: string) => ({ pk: `ORG#${id}`, sk: 'PROFILE' });

export function organisationItem(org: Organisation): Record<string, string | undefined> {
  return { ...org, ...organisationKey(org.id), gsi2pk: ORGANISATIONS_PARTITION, gsi2sk: `${org.name.toLowerCase()}#${org.id}` };
}

export function organisationKeySpace(): KeySpace {
  return {
    module: 'organisations', items: [organisationKey(ANY)], partitions: { gsi2: [ORGANISATIONS_PARTITION] },
  };
}

/** The text attributes asked for of an organisation's item; empty when there is no such item. */
function organisationAttributes<A extends 'name' | 'lang'>(db: DynamoDBDocumentClient, tableName: string, attributes: readonly A[]) {
  return async (id: string): Promise<Partial<Record<A, string>>> => {
    const { Item } = await db.send(new GetCommand({
      TableName: tableName, Key: organisationKey(id),
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((attribute, i) => [`#a${i}`, attribute])),
    }));
    return Object.fromEntries(attributes.flatMap((attribute) => (typeof Item?.[attribute] === 'string' ? [[attribute, Item[attribute]]] : []))) as Partial<Record<A, string>>;
  };
}

/** The language an organisation gives its people by default; undefined when it has none. */
export type OrganisationLanguages = (id: string) => Promise<string | undefined>;

export function dynamoOrganisationLanguages(db: DynamoDBDocumentClient, tableName: string): OrganisationLanguages {
  const read = organisationAttributes(db, tableName, ['lang']);
  return async (id) => (await read(id)).lang;
}

/** An organisation's name as people know it ("Aurora AI" for aurora-ai) and its default language, in one read; empty when there is no such item. */
export type OrganisationProfiles = (id: string) => Promise<{ name?: string; lang?: string }>;

export const dynamoOrganisationProfiles = (db: DynamoDBDocumentClient, tableName: string): OrganisationProfiles => organisationAttributes(db, tableName, ['name', 'lang']);

/** An organisation's name as people know it ("Aurora AI" for aurora-ai); undefined when there is no such item. */
export type OrganisationNames = (id: string) => Promise<string | undefined>;

export function dynamoOrganisationNames(db: DynamoDBDocumentClient, tableName: string): OrganisationNames {
  const read = organisationAttributes(db, tableName, ['name']);
  return async (id) => (await read(id)).name;
}

/**
 * Names kept a few minutes per instance: lists and tickets name a handful of organisations over and over, and a
 * renamed organisation may show its old name that long. An organisation with no item is asked for again each time.
 */
export function cachedOrganisationNames(names: OrganisationNames, ttlMs = 5 * 60_000): OrganisationNames {
  const held = new Map<string, { name: Promise<string | undefined>; until: number }>();
  return (id) => {
    const entry = held.get(id);
    if (entry && entry.until > Date.now()) return entry.name;
    const name = names(id);
    if (held.size > 1000) held.clear();
    held.set(id, { name, until: Date.now() + ttlMs });
    name.then((found) => { if (found === undefined) held.delete(id); }, () => held.delete(id));
    return name;
  };
}
