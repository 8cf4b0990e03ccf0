import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut } from '../core/conditional.ts';
import { queryAll } from '../core/query.ts';
import { decodeCursor, encodeCursor, type StartKey } from '../core/pagination.ts';
import { indexKeyNames, withoutKeys, type IndexName } from '../core/table.ts';
import type { Message, Ticket } from './domain/model.ts';
import { deflectionKey, DEFLECTIONS_PARTITION, messageKey, TICKET_COUNTER_KEY, ticketKey, ticketOrder, ticketPartitions } from './keys.ts';
import type { StoredTicket, TicketPage, TicketQuery, TicketStore } from './store.ts';

const FIRST_NUMBER = 1000;

/** Every listing the API offers is a Query on one of these index keys; none is a Scan. */
function indexKeys(ticket: Ticket): Record<string, string> {
  const order = ticketOrder(ticket.lastActivityAt, ticket.id);
  return {
    gsi1pk: ticketPartitions.byOrg(ticket.orgId), gsi1sk: order,
    gsi2pk: ticketPartitions.byStatus(ticket.status), gsi2sk: order,
    gsi3pk: ticketPartitions.byAssignee(ticket.assigneeId ?? 'none'), gsi3sk: order,
    gsi4pk: ticketPartitions.bySystem(ticket.system ?? 'none'), gsi4sk: order,
    gsi5pk: ticketPartitions.all, gsi5sk: order,
  };
}

/** What a listing reads: everything but the body, which can be 80 KB and is not shown in lists. */
const SUMMARY_ATTRIBUTES = [
  'id', 'number', 'reference', 'orgId', 'requesterId', 'requesterName', 'subject', 'category', 'priority', 'system',
  'projectId', 'jobId', 'status', 'assigneeId', 'assigneeName', 'createdAt', 'updatedAt', 'lastActivityAt',
  'firstResponseAt', 'resolvedAt', 'messageCount', 'noteCount', 'version', 'events',
];

const toTicket = (item: Record<string, unknown>) => withoutKeys<StoredTicket>(item);

function toMessage(item: Record<string, unknown>): Message {
  const { pk: _pk, sk: _sk, ...message } = item;
  return message as unknown as Message;
}

interface Plan {
  index: IndexName;
  partition: string;
  filters: Array<{ attribute: string; values: string[] }>;
}

/** Picks the most selective index for the filters given; the rest become filter expressions. */
function plan(query: TicketQuery): Plan {
  const filters: Plan['filters'] = [];
  const statusFilter = query.statuses?.length ? { attribute: 'status', values: query.statuses } : undefined;
  const assigneeFilter = query.assignee ? { attribute: indexKeyNames('gsi3').partitionKey, values: [ticketPartitions.byAssignee(query.assignee)] } : undefined;
  const systemFilter = query.system ? { attribute: indexKeyNames('gsi4').partitionKey, values: [ticketPartitions.bySystem(query.system)] } : undefined;
  let chosen: Omit<Plan, 'filters'>;
  if (query.orgId) chosen = { index: 'gsi1', partition: ticketPartitions.byOrg(query.orgId) };
  else if (query.statuses?.length === 1) chosen = { index: 'gsi2', partition: ticketPartitions.byStatus(query.statuses[0]!) };
  else if (query.assignee) chosen = { index: 'gsi3', partition: ticketPartitions.byAssignee(query.assignee) };
  else if (query.system) chosen = { index: 'gsi4', partition: ticketPartitions.bySystem(query.system) };
  else chosen = { index: 'gsi5', partition: ticketPartitions.all };
  for (const filter of [statusFilter, assigneeFilter, systemFilter]) {
    if (!filter) continue;
    const servedByKey = (filter === statusFilter && chosen.index === 'gsi2')
      || (filter === assigneeFilter && chosen.index === 'gsi3')
      || (filter === systemFilter && chosen.index === 'gsi4');
    if (!servedByKey) filters.push(filter);
  }
  return { ...chosen, filters };
}

export function dynamoTicketStore(db: DynamoDBDocumentClient, tableName: string): TicketStore {
  const itemOf = (ticket: Ticket) => ({ ...ticket, ...ticketKey(ticket.id), ...indexKeys(ticket) });

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
        TableName: tableName,
        Key: TICKET_COUNTER_KEY,
        UpdateExpression: 'SET #v = if_not_exists(#v, :start) + :one',
        ExpressionAttributeNames: { '#v': 'value' },
        ExpressionAttributeValues: { ':start': FIRST_NUMBER, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }));
      return Number(Attributes?.value);
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

    async list(query): Promise<TicketPage> {
      const { index, partition, filters } = plan(query);
      const { partitionKey: pkAttribute, sortKey: skAttribute } = indexKeyNames(index);
      let startKey: StartKey | undefined = decodeCursor(query.cursor, { attribute: pkAttribute, value: partition });
      const projected = [...SUMMARY_ATTRIBUTES, 'pk', 'sk', pkAttribute, skAttribute];
      const names: Record<string, string> = { '#pk': pkAttribute, ...Object.fromEntries(projected.map((name, i) => [`#p${i}`, name])) };
      const values: Record<string, unknown> = { ':pk': partition };
      const conditions = filters.map((filter, f) => {
        names[`#f${f}`] = filter.attribute;
        filter.values.forEach((value, v) => { values[`:f${f}v${v}`] = value; });
        return `#f${f} IN (${filter.values.map((_, v) => `:f${f}v${v}`).join(', ')})`;
      });
      const items: Record<string, unknown>[] = [];
      // Filters thin out a page, so read on until the page is full or the partition ends (bounded reads).
      for (let reads = 0; reads < 20 && items.length < query.limit; reads++) {
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
