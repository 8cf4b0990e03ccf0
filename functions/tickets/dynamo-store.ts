import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut } from '../core/conditional.ts';
import { queryAll } from '../core/query.ts';
import { decodeCursor, encodeCursor, type StartKey } from '../core/pagination.ts';
import { indexKeyNames, withoutKeys, type IndexName } from '../core/table.ts';
import type { Message, Ticket } from './domain/model.ts';
import { ticketIdOfNumber } from './number-lookup.ts';
import { deflectionKey, DEFLECTIONS_PARTITION, DRAW_TICKET_NUMBER, messageKey, numberIndexKeys, TICKET_COUNTER_KEY, ticketKey, ticketOrder, ticketPartitions } from './keys.ts';
import type { StoredTicket, TicketPage, TicketQuery, TicketStore } from './store.ts';

/** Every listing the API offers is a Query on one of these index keys; none is a Scan. */
function indexKeys(ticket: Ticket): Record<string, string> {
  const order = ticketOrder(ticket.lastActivityAt, ticket.id);
  return {
    gsi1pk: ticketPartitions.byOrg(ticket.orgId), gsi1sk: order,
    gsi2pk: ticketPartitions.byStatus(ticket.status), gsi2sk: order,
    gsi3pk: ticketPartitions.byAssignee(ticket.assigneeId ?? 'none'), gsi3sk: order,
    gsi4pk: ticketPartitions.bySystem(ticket.system ?? 'none'), gsi4sk: order,
    gsi5pk: ticketPartitions.all, gsi5sk: order,
    ...numberIndexKeys(ticket.number),
  };
}

/** What a listing reads: everything but the body, which can be 80 KB and is not shown in lists. */
const SUMMARY_ATTRIBUTES = [
  'id', 'number', 'reference', 'orgId', 'requesterId', 'requesterName', 'subject', 'category', 'priority', 'system', 'topic', 'assignment',
  'projectId', 'jobId', 'status', 'assigneeId', 'assigneeName', 'createdAt', 'updatedAt', 'lastActivityAt',
  'firstResponseAt', 'resolvedAt', 'messageCount', 'noteCount', 'version', 'events',
];

const toTicket = (item: Record<string, unknown>) => withoutKeys<StoredTicket>(item, [SEARCH_ATTRIBUTE]);

function toMessage(item: Record<string, unknown>): Message {
  const { pk: _pk, sk: _sk, ...message } = item;
  return message as unknown as Message;
}

interface Plan {
  index: IndexName;
  partition: string;
  /** Filter expressions for what the index key does not serve, with their names and values. */
  conditions: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The lower-cased subject and reference, for `q` (contains); DynamoDB has no case-insensitive comparison. */
const SEARCH_ATTRIBUTE = 'searchText';

/** Picks the most selective index for the filters given; the rest become filter expressions. */
function plan(query: TicketQuery): Plan {
  let chosen: Pick<Plan, 'index' | 'partition'>;
  if (query.number !== undefined) chosen = { index: 'gsi6', partition: ticketPartitions.byNumber(query.number) };
  else if (query.orgId) chosen = { index: 'gsi1', partition: ticketPartitions.byOrg(query.orgId) };
  else if (query.statuses?.length === 1) chosen = { index: 'gsi2', partition: ticketPartitions.byStatus(query.statuses[0]!) };
  else if (query.assignee) chosen = { index: 'gsi3', partition: ticketPartitions.byAssignee(query.assignee) };
  else if (query.system) chosen = { index: 'gsi4', partition: ticketPartitions.bySystem(query.system) };
  else chosen = { index: 'gsi5', partition: ticketPartitions.all };
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const add = (attribute: string, expression: (name: string, value: string) => string, value: unknown) => {
    const f = conditions.length;
    names[`#f${f}`] = attribute;
    values[`:f${f}`] = value;
    conditions.push(expression(`#f${f}`, `:f${f}`));
  };
  const oneOf = (attribute: string, options: readonly (string | number)[] | undefined, servedBy?: IndexName) => {
    if (!options?.length || servedBy === chosen.index) return;
    const f = conditions.length;
    names[`#f${f}`] = attribute;
    options.forEach((value, v) => { values[`:f${f}v${v}`] = value; });
    conditions.push(`#f${f} IN (${options.map((_, v) => `:f${f}v${v}`).join(', ')})`);
  };
  oneOf('orgId', query.orgId ? [query.orgId] : undefined, 'gsi1');
  oneOf('status', query.statuses, query.statuses?.length === 1 ? 'gsi2' : undefined);
  oneOf(indexKeyNames('gsi3').partitionKey, query.assignee ? [ticketPartitions.byAssignee(query.assignee)] : undefined, 'gsi3');
  oneOf(indexKeyNames('gsi4').partitionKey, query.system ? [ticketPartitions.bySystem(query.system)] : undefined, 'gsi4');
  oneOf('priority', query.priorities);
  oneOf('category', query.categories);
  oneOf('requesterId', query.requesterId ? [query.requesterId] : undefined);
  if (query.createdFrom !== undefined) add('createdAt', (n, v) => `${n} >= ${v}`, query.createdFrom);
  if (query.createdBefore !== undefined) add('createdAt', (n, v) => `${n} < ${v}`, query.createdBefore);
  for (const word of query.words ?? []) add(SEARCH_ATTRIBUTE, (n, v) => `contains(${n}, ${v})`, word);
  return { ...chosen, conditions, names, values };
}

export function dynamoTicketStore(db: DynamoDBDocumentClient, tableName: string): TicketStore {
  const itemOf = (ticket: Ticket) => ({
    ...ticket, ...ticketKey(ticket.id), ...indexKeys(ticket), [SEARCH_ATTRIBUTE]: `${ticket.reference} ${ticket.subject}`.toLowerCase(),
  });

  /**
   * All items of one index partition, from `since` on when given (ascending sort key), every page. Without one the
   * sort key is left out of the condition: DynamoDB refuses an empty string as a key value (dynalite took `>= ''`).
   */
  const queryPartition = (index: IndexName, partition: string, since?: string) => queryAll(db, {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: since ? '#pk = :pk AND #sk >= :since' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': indexKeyNames(index).partitionKey, ...(since ? { '#sk': indexKeyNames(index).sortKey } : {}) },
    ExpressionAttributeValues: { ':pk': partition, ...(since ? { ':since': since } : {}) },
  });

  return {
    async nextNumber() {
      const { Attributes } = await db.send(new UpdateCommand({
        TableName: tableName, Key: TICKET_COUNTER_KEY, UpdateExpression: `SET ${DRAW_TICKET_NUMBER.set}`,
        ExpressionAttributeNames: DRAW_TICKET_NUMBER.names, ExpressionAttributeValues: DRAW_TICKET_NUMBER.values, ReturnValues: 'UPDATED_NEW',
      }));
      return DRAW_TICKET_NUMBER.numberIn(Attributes);
    },

    create(ticket) {
      return conditionalPut(db, { TableName: tableName, Item: itemOf(ticket), ConditionExpression: 'attribute_not_exists(pk)' });
    },

    async get(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: ticketKey(id), ConsistentRead: true }));
      return Item ? toTicket(Item) : undefined;
    },

    async getWithMessages(id) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ticketKey(id).pk },
        ConsistentRead: true,
      });
      const ticketItem = items.find((item) => item.sk === 'TICKET');
      if (!ticketItem) return undefined;
      const messages = items
        .filter((item) => String(item.sk).startsWith('MSG#'))
        .map(toMessage)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return { ticket: toTicket(ticketItem), messages };
    },

    replace(ticket, expectedVersion) {
      return conditionalPut(db, {
        TableName: tableName,
        Item: itemOf(ticket),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      });
    },

    addMessage(message) {
      return conditionalPut(db, {
        TableName: tableName,
        Item: { ...message, ...messageKey(message.ticketId, message.id) },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    },

    async getMessage(ticketId, messageId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: messageKey(ticketId, messageId), ConsistentRead: true }));
      return Item ? toMessage(Item) : undefined;
    },

    idOfNumber: (number) => ticketIdOfNumber(db, tableName, number),

    async list(query): Promise<TicketPage> {
      const { index, partition, conditions, names: filterNames, values: filterValues } = plan(query);
      const { partitionKey: pkAttribute, sortKey: skAttribute } = indexKeyNames(index);
      let startKey: StartKey | undefined = decodeCursor(query.cursor, { attribute: pkAttribute, value: partition });
      const projected = [...SUMMARY_ATTRIBUTES, 'pk', 'sk', pkAttribute, skAttribute];
      const names: Record<string, string> = { '#pk': pkAttribute, ...Object.fromEntries(projected.map((name, i) => [`#p${i}`, name])), ...filterNames };
      const values: Record<string, unknown> = { ':pk': partition, ...filterValues };
      const items: Record<string, unknown>[] = [];
      // Filters thin out a page, so read on until the page is full or the partition ends (bounded reads).
      for (let reads = 0; reads < Math.max(20, query.limit / 25) && items.length < query.limit; reads++) {
        const page = await db.send(new QueryCommand({
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: '#pk = :pk',
          ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
          ProjectionExpression: projected.map((_, i) => `#p${i}`).join(', '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: conditions.length ? Math.max(query.limit, 50) : query.limit - items.length,
          ExclusiveStartKey: startKey,
        }));
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey as StartKey | undefined;
        if (!startKey) break;
      }
      const pageItems = items.slice(0, query.limit);
      const last = pageItems[pageItems.length - 1];
      const more = items.length > query.limit || startKey !== undefined;
      const cursorKey = more && last
        ? { pk: last.pk, sk: last.sk, [pkAttribute]: last[pkAttribute], [skAttribute]: last[skAttribute] }
        : undefined;
      return { items: pageItems.map(toTicket), cursor: encodeCursor(cursorKey) };
    },

    async listForFigures(since) {
      const [active, ...open] = await Promise.all([
        queryPartition('gsi5', ticketPartitions.all, since),
        ...(['new', 'open', 'waiting'] as const).map((status) => queryPartition('gsi2', ticketPartitions.byStatus(status))),
      ]);
      const byId = new Map<string, Ticket>();
      for (const item of [...active!, ...open.flat()]) byId.set(String(item.id), toTicket(item));
      return [...byId.values()];
    },

    recordDeflection(deflection) {
      return conditionalPut(db, {
        TableName: tableName,
        Item: { ...deflectionKey(deflection.id), gsi5pk: DEFLECTIONS_PARTITION, gsi5sk: `${deflection.at}#${deflection.id}`, ...deflection },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    },

    async listDeflectionsSince(since) {
      return (await queryPartition('gsi5', DEFLECTIONS_PARTITION, since)).map(({ id, at, orgId, guide, section }) => ({
        id: String(id), at: String(at), orgId: String(orgId), guide: String(guide), ...(section ? { section: String(section) } : {}),
      }));
    },
  };
}
