import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut } from '../core/conditional.ts';
import { queryAll } from '../core/query.ts';
import { decodeCursor, encodeCursor, type StartKey } from '../core/pagination.ts';
import type { IndexName } from '../core/table.ts';
import type { Message, Ticket } from './domain/model.ts';
import { ticketKey } from './keys.ts';
import type { StoredTicket, TicketPage, TicketQuery, TicketStore } from './store.ts';

const FIRST_NUMBER = 1000;
const messageKey = (ticketId: string, id: string) => ({ pk: `TICKET#${ticketId}`, sk: `MSG#${id}` });

/** Every listing the API offers is a Query on one of these index keys; none is a Scan. */
function indexKeys(ticket: Ticket): Record<string, string> {
  const order = `${ticket.lastActivityAt}#${ticket.id}`;
  return {
    gsi1pk: `ORG#${ticket.orgId}#TICKETS`, gsi1sk: order,
    gsi2pk: `TICKETS#STATUS#${ticket.status}`, gsi2sk: order,
    gsi3pk: `TICKETS#ASSIGNEE#${ticket.assigneeId ?? 'none'}`, gsi3sk: order,
    gsi4pk: `TICKETS#SYSTEM#${ticket.system ?? 'none'}`, gsi4sk: order,
    gsi5pk: 'TICKETS', gsi5sk: order,
  };
}

/** What a listing reads: everything but the body, which can be 80 KB and is not shown in lists. */
const SUMMARY_ATTRIBUTES = [
  'id', 'number', 'reference', 'orgId', 'requesterId', 'requesterName', 'subject', 'category', 'priority', 'system',
  'projectId', 'jobId', 'status', 'assigneeId', 'assigneeName', 'createdAt', 'updatedAt', 'lastActivityAt',
  'firstResponseAt', 'resolvedAt', 'messageCount', 'noteCount', 'version', 'events',
];

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'gsi5pk', 'gsi5sk'];

function toTicket(item: Record<string, unknown>): StoredTicket {
  const ticket = { ...item };
  for (const key of KEY_ATTRIBUTES) delete ticket[key];
  return ticket as unknown as StoredTicket;
}

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
  const assigneeFilter = query.assignee ? { attribute: 'gsi3pk', values: [`TICKETS#ASSIGNEE#${query.assignee}`] } : undefined;
  const systemFilter = query.system ? { attribute: 'gsi4pk', values: [`TICKETS#SYSTEM#${query.system}`] } : undefined;
  let chosen: Omit<Plan, 'filters'>;
  if (query.orgId) chosen = { index: 'gsi1', partition: `ORG#${query.orgId}#TICKETS` };
  else if (query.statuses?.length === 1) chosen = { index: 'gsi2', partition: `TICKETS#STATUS#${query.statuses[0]}` };
  else if (query.assignee) chosen = { index: 'gsi3', partition: `TICKETS#ASSIGNEE#${query.assignee}` };
  else if (query.system) chosen = { index: 'gsi4', partition: `TICKETS#SYSTEM#${query.system}` };
  else chosen = { index: 'gsi5', partition: 'TICKETS' };
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
    ExpressionAttributeNames: { '#pk': `${index}pk`, ...(since ? { '#sk': `${index}sk` } : {}) },
    ExpressionAttributeValues: { ':pk': partition, ...(since ? { ':since': since } : {}) },
  });

  return {
    async nextNumber() {
      const { Attributes } = await db.send(new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'COUNTER', sk: 'TICKET' },
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
        ExpressionAttributeValues: { ':pk': `TICKET#${id}` },
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
      const pkAttribute = `${index}pk`;
      let startKey: StartKey | undefined = decodeCursor(query.cursor, { attribute: pkAttribute, value: partition });
      const projected = [...SUMMARY_ATTRIBUTES, 'pk', 'sk', pkAttribute, `${index}sk`];
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
        ? { pk: last.pk, sk: last.sk, [pkAttribute]: last[pkAttribute], [`${index}sk`]: last[`${index}sk`] }
        : undefined;
      return { items: pageItems.map(toTicket), cursor: encodeCursor(cursorKey) };
    },

    async listForFigures(since) {
      const [active, ...open] = await Promise.all([
        queryPartition('gsi5', 'TICKETS', since),
        ...(['new', 'open', 'waiting'] as const).map((status) => queryPartition('gsi2', `TICKETS#STATUS#${status}`)),
      ]);
      const byId = new Map<string, Ticket>();
      for (const item of [...active!, ...open.flat()]) byId.set(String(item.id), toTicket(item));
      return [...byId.values()];
    },

    recordDeflection(deflection) {
      return conditionalPut(db, {
        TableName: tableName,
        Item: { pk: `DEFLECTION#${deflection.id}`, sk: 'DEFLECTION', gsi5pk: 'DEFLECTIONS', gsi5sk: `${deflection.at}#${deflection.id}`, ...deflection },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    },

    async listDeflectionsSince(since) {
      return (await queryPartition('gsi5', 'DEFLECTIONS', since)).map(({ id, at, orgId, guide, section }) => ({
        id: String(id), at: String(at), orgId: String(orgId), guide: String(guide), ...(section ? { section: String(section) } : {}),
      }));
    },
  };
}
