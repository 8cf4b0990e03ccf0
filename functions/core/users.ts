import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hasRole, principalFor, type Principal, type PrincipalOf, type Role } from './principal.ts';
import { conditionally } from './conditional.ts';
import { ANY, type KeySpace } from './table.ts';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId?: string;
  /** Their chosen language for mails and the web app (core/locale.ts); unset: their organisation's, else English. */
  lang?: string;
  /** Their IANA time zone for times in mails; the web app sends the browser's the first time it loads. */
  timeZone?: string;
}

/** What a person sets about themselves (PUT /api/me/preferences); `null` clears a choice. */
export interface PersonalSettings {
  lang?: string | null;
  timeZone?: string | null;
}

/** Who exists: staff for assignment, names for display. Kept current from verified tokens and the seed. */
export interface UserDirectory {
  get(id: string): Promise<UserRecord | undefined>;
  put(user: UserRecord): Promise<void>;
  listByRole(role: Role): Promise<UserRecord[]>;
  /** Sets or clears (`null`) the person's own settings; false when the directory has no such user. */
  updateSettings(id: string, settings: PersonalSettings): Promise<boolean>;
  /** The one user with this e-mail address (any case); undefined when none, or when several share it. */
  findByEmail(address: string): Promise<UserRecord | undefined>;
}

/** A user's directory entry; other capabilities may keep their own items in the same partition (other sort keys). */
export const userKey = (id: string) => ({ pk: `USER#${id}`, sk: 'PROFILE' });
/** gsi1: the users of one role, by name. */
export const rolePartition = (role: Role | typeof ANY) => `ROLE#${role}`;
/** gsi3: the users of one e-mail address (lower case): who wrote a mail (functions/inbound-mail). */
export const emailPartition = (address: string) => `EMAIL#${address.toLowerCase()}`;

export function userKeySpace(): KeySpace {
  return { module: 'users', items: [userKey(ANY)], partitions: { gsi1: [rolePartition(ANY)], gsi3: [emailPartition(ANY)] } };
}

export function userFromPrincipal(principal: Principal): UserRecord {
  return { id: principal.id, email: principal.email, name: principal.name, role: principal.role, orgId: principal.orgId };
}

/**
 * The principal a stored user stands for (the seed acts as users, without tokens), in the role expected if one is
 * given; throws for a requester of no organisation or another role.
 */
export function principalFromUser(user: UserRecord): Principal;
export function principalFromUser<R extends Role>(user: UserRecord, role: R): PrincipalOf<R>;
export function principalFromUser(user: UserRecord, role?: Role): Principal {
  const principal = principalFor(user, user.role, user.orgId);
  if (!principal) throw new Error(`User ${user.id} is a requester of no organisation.`);
  if (role && !hasRole(principal, [role])) throw new Error(`User ${user.id} is not a ${role}.`);
  return principal;
}

const RANK: Record<Role, number> = { requester: 0, expert: 1, coordinator: 2 };

/**
 * What a signed-in caller's token may write to the directory (pure): their name and e-mail, and a role no higher
 * than the directory already gives them. Staff entries are created by the seed or an administrator, never from a
 * token alone: the directory decides who gets staff mail (SLA breaches) and who may be assigned tickets.
 * undefined: nothing to write.
 */
export function directoryUpdate(principal: Principal, existing: UserRecord | undefined): UserRecord | undefined {
  const fromToken = userFromPrincipal(principal);
  if (principal.role === 'requester') return fromToken;
  if (!existing || existing.role === 'requester') return undefined;
  return RANK[principal.role] < RANK[existing.role] ? fromToken : { ...fromToken, role: existing.role };
}

export function dynamoUserDirectory(db: DynamoDBDocumentClient, tableName: string): UserDirectory {
  const strip = (item: Record<string, unknown> | undefined): UserRecord | undefined => {
    if (!item) return undefined;
    return { id: item.id, email: item.email, name: item.name, role: item.role, orgId: item.orgId, lang: item.lang, timeZone: item.timeZone } as UserRecord;
  };
  return {
    async get(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: userKey(id) }));
      return strip(Item);
    },
    async put(user) {
      // An update, not a put: other capabilities (expert profiles) keep their own attributes on this item.
      const fields: Record<string, unknown> = {
        ...user, gsi1pk: rolePartition(user.role), gsi1sk: user.name.toLowerCase(), gsi3pk: emailPartition(user.email), gsi3sk: user.id,
      };
      const names = Object.keys(fields).filter((name) => fields[name] !== undefined);
      await db.send(new UpdateCommand({
        TableName: tableName,
        Key: userKey(user.id),
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, fields[name]])),
      }));
    },
    async listByRole(role) {
      const { Items = [] } = await db.send(new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': rolePartition(role) },
      }));
      return Items.map((item) => strip(item)!);
    },
    async updateSettings(id, settings) {
      const entries = Object.entries(settings).filter(([, value]) => value !== undefined);
      if (entries.length === 0) return (await this.get(id)) !== undefined;
      const set = entries.filter(([, value]) => value !== null);
      const clear = entries.filter(([, value]) => value === null);
      const name = (field: string) => `#${field}`;
      // The same SET again is harmless, so a retried write whose answer was lost needs no further check.
      return conditionally(() => db.send(new UpdateCommand({
          TableName: tableName,
          Key: userKey(id),
          // Only an existing entry: a made-up id must not create a user without a role.
          ConditionExpression: 'attribute_exists(pk)',
          UpdateExpression: [
            set.length ? `SET ${set.map(([field]) => `${name(field)} = :${field}`).join(', ')}` : '',
            clear.length ? `REMOVE ${clear.map(([field]) => name(field)).join(', ')}` : '',
          ].filter(Boolean).join(' '),
          ExpressionAttributeNames: Object.fromEntries(entries.map(([field]) => [name(field), field])),
          ...(set.length ? { ExpressionAttributeValues: Object.fromEntries(set.map(([field, value]) => [`:${field}`, value])) } : {}),
      })));
    },
    async findByEmail(address) {
      // Two entries may share an address (an account re-created with a new id): then nobody is sure, so nobody.
      const { Items = [] } = await db.send(new QueryCommand({
        TableName: tableName, IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': emailPartition(address.trim()) }, Limit: 2,
      }));
      return Items.length === 1 ? strip(Items[0]) : undefined;
    },
  };
}
