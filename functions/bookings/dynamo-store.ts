import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut, conditionally } from '../core/conditional.ts';
import { organisationKey, ORGANISATIONS_PARTITION, type Organisation } from '../core/organisations.ts';
import { decodeCursor, encodeCursor } from '../core/pagination.ts';
import { problems } from '../core/problem.ts';
import { queryAll } from '../core/query.ts';
import { indexKeyNames, TTL_ATTRIBUTE, withoutKeys } from '../core/table.ts';
import { isUnsettled, type BookingRecord, type ExpertProfile } from './domain/model.ts';
import { claimDayOf, type ClaimedInterval } from './domain/claims.ts';
import { isChargeMarker } from './domain/quota.ts';
import { allowanceKey, bookingKey, bookingPartitions, claimDayKey, expertKey, sessionOrder, usageKey } from './keys.ts';
import type { BookingQuery, BookingStore, SlotClaim } from './store.ts';

/** A failed intent is kept a week so a retry with its Idempotency-Key gets the same answer. */
const FAILED_KEEP_SECONDS = 7 * 24 * 3600;
const strip = <T>(item: Record<string, unknown>) => withoutKeys<T>(item, [TTL_ATTRIBUTE]);

/** Listings are Queries on one partition per (scope, status), ordered by the session's end. */
function listingKeys(record: BookingRecord): Record<string, string> {
  if (record.status !== 'booked' && record.status !== 'cancelled') return {};
  const order = sessionOrder(record.end, record.id);
  return {
    gsi3pk: bookingPartitions.byOrg(record.orgId, record.status), gsi3sk: order,
    gsi4pk: bookingPartitions.byExpert(record.expertId, record.status), gsi4sk: order,
    gsi5pk: bookingPartitions.all(record.status), gsi5sk: order,
  };
}

function bookingItem(record: BookingRecord): Record<string, unknown> {
  return {
    ...record,
    ...bookingKey(record.id),
    ...listingKeys(record),
    ...(isUnsettled(record) ? { gsi1pk: bookingPartitions.unsettled, gsi1sk: `${record.updatedAt}#${record.id}` } : {}),
    ...(record.status === 'failed' ? { [TTL_ATTRIBUTE]: Math.floor(Date.parse(record.updatedAt) / 1000) + FAILED_KEEP_SECONDS } : {}),
  };
}

function listingPlan(query: BookingQuery): { index: 'gsi3' | 'gsi4' | 'gsi5'; partition: string; range?: string; forward: boolean } {
  const status = query.filter === 'cancelled' ? 'cancelled' : 'booked';
  const [index, partition] = query.scope === 'all'
    ? ['gsi5', bookingPartitions.all(status)] as const
    : 'orgId' in query.scope
      ? ['gsi3', bookingPartitions.byOrg(query.scope.orgId, status)] as const
      : ['gsi4', bookingPartitions.byExpert(query.scope.expertId, status)] as const;
  if (query.filter === 'upcoming') return { index, partition, range: '>', forward: true };
  if (query.filter === 'past') return { index, partition, range: '<', forward: false };
  return { index, partition, forward: false };
}

export function dynamoBookingStore(db: DynamoDBDocumentClient, tableName: string): BookingStore {
  const get = async (key: Record<string, string>) =>
    (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  const getUsage: BookingStore['getUsage'] = async (orgId, quarter) => {
    const item = await get(usageKey(orgId, quarter));
    return { used: Number(item?.used ?? 0), markers: Object.keys(item ?? {}).filter(isChargeMarker) };
  };

  /** Every item of one gsi2 partition, in its sort order. */
  const queryPartition = (partition: string) => queryAll(db, {
    TableName: tableName, IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': partition },
  });

  return {
    async getExpert(id) {
      const item = await get(expertKey(id));
      return item?.name ? strip<ExpertProfile>(item) : undefined;
    },

    async listExperts() {
      return (await queryPartition(bookingPartitions.experts)).map((item) => strip<ExpertProfile>(item));
    },

    async putExpertProfile(profile) {
      const fields: Record<string, unknown> = { ...profile, gsi2pk: bookingPartitions.experts, gsi2sk: `${profile.name.toLowerCase()}#${profile.id}` };
      const names = Object.keys(fields).filter((name) => fields[name] !== undefined);
      await db.send(new UpdateCommand({
        TableName: tableName, Key: expertKey(profile.id),
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, fields[name]])),
      }));
    },

    async setAvailability(expert, availability) {
      // A new expert gets a minimal profile (empty lists) so it is listed and bookable at once.
      const set = { availability, timeZone: availability.timeZone, id: expert.id, gsi2pk: bookingPartitions.experts };
      const keep = {
        name: expert.name, email: expert.email, bio: '', expertise: [], skills: [], languages: [], systems: [], meetingLink: '',
        gsi2sk: `${expert.name.toLowerCase()}#${expert.id}`,
      };
      const setNames = Object.keys(set);
      const keepNames = Object.keys(keep);
      await db.send(new UpdateCommand({
        TableName: tableName, Key: expertKey(expert.id),
        UpdateExpression: `SET ${[
          ...setNames.map((_, i) => `#s${i} = :s${i}`),
          ...keepNames.map((_, i) => `#k${i} = if_not_exists(#k${i}, :k${i})`),
        ].join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries([...setNames.map((n, i) => [`#s${i}`, n]), ...keepNames.map((n, i) => [`#k${i}`, n])]),
        ExpressionAttributeValues: Object.fromEntries([
          ...setNames.map((n, i) => [`:s${i}`, set[n as keyof typeof set]]),
          ...keepNames.map((n, i) => [`:k${i}`, keep[n as keyof typeof keep]]),
        ]),
      }));
    },

    async listClaims(expertId, from, to) {
      const days = await queryAll(db, {
        TableName: tableName, ConsistentRead: true,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': expertKey(expertId).pk, ':from': claimDayKey(expertId, claimDayOf(from)).sk, ':to': claimDayKey(expertId, claimDayOf(to)).sk },
      });
      const claims = new Map<string, SlotClaim>();
      for (const interval of days.flatMap((item) => (item.intervals ?? []) as ClaimedInterval[])) {
        if (interval.start >= from && interval.start < to) claims.set(`${interval.bookingId}#${interval.start}`, { expertId, ...interval });
      }
      return [...claims.values()].sort((a, b) => a.start.localeCompare(b.start));
    },

    async getClaimDay(expertId, day) {
      const item = await get(claimDayKey(expertId, day));
      return { expertId, day, intervals: (item?.intervals ?? []) as ClaimedInterval[], version: Number(item?.version ?? 0) };
    },

    putClaimDay({ expertId, day, intervals }, expectedVersion) {
      // Emptied items stay (version kept): deleting one would let a writer holding an old read recreate it.
      return conditionalPut(db, {
        TableName: tableName, Item: { ...claimDayKey(expertId, day), expertId, day, intervals, version: expectedVersion + 1 },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      });
    },

    async getAllowance(orgId) {
      const item = await get(allowanceKey(orgId));
      return typeof item?.minutes === 'number' ? item.minutes : undefined;
    },

    async setAllowance(orgId, minutes, at) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...allowanceKey(orgId), orgId, minutes, updatedAt: at } }));
    },

    getUsage,

    async charge({ orgId, quarter, marker, minutes, limit, at, replacing }) {
      const max = limit - minutes;
      const maxWithCredit = replacing ? max + replacing.minutes : max;
      const alreadyCharged = async () => (await getUsage(orgId, quarter)).markers.includes(marker);
      // A missing counter counts as 0 in the condition, so a charge above the whole allowance is refused here.
      if (maxWithCredit < 0) return (await alreadyCharged()) ? 'already-charged' : 'exceeded';
      const credit = replacing && maxWithCredit >= 0 ? ' OR (attribute_exists(#old) AND #used <= :maxCredit)' : '';
      const charged = await conditionally(() => db.send(new UpdateCommand({
        TableName: tableName, Key: usageKey(orgId, quarter),
        UpdateExpression: 'SET #used = if_not_exists(#used, :zero) + :n, #marker = :info, #org = :org, #quarter = :quarter',
        ConditionExpression: `attribute_not_exists(#marker) AND (attribute_not_exists(#used) OR #used <= :max${credit})`,
        ExpressionAttributeNames: { '#used': 'used', '#marker': marker, '#org': 'orgId', '#quarter': 'quarter', ...(credit ? { '#old': replacing!.marker } : {}) },
        ExpressionAttributeValues: {
          ':zero': 0, ':n': minutes, ':info': { minutes, at }, ':org': orgId, ':quarter': quarter,
          ':max': Math.max(max, -1), ...(credit ? { ':maxCredit': maxWithCredit } : {}),
        },
      })));
      if (charged) return 'charged';
      return (await alreadyCharged()) ? 'already-charged' : 'exceeded';
    },

    async refund({ orgId, quarter, marker, minutes }) {
      await conditionally(() => db.send(new UpdateCommand({
        TableName: tableName, Key: usageKey(orgId, quarter),
        UpdateExpression: 'SET #used = #used - :n REMOVE #marker',
        ConditionExpression: 'attribute_exists(#marker)',
        ExpressionAttributeNames: { '#used': 'used', '#marker': marker },
        ExpressionAttributeValues: { ':n': minutes },
      })));
    },

    async organisationExists(orgId) {
      return Boolean(await get(organisationKey(orgId)));
    },

    async listOrganisations() {
      const items = await queryPartition(ORGANISATIONS_PARTITION);
      return items.map((item) => ({ id: String(item.id), name: String(item.name) } satisfies Organisation));
    },

    createBooking(record) {
      return conditionalPut(db, {
        TableName: tableName, Item: bookingItem(record), ConditionExpression: 'attribute_not_exists(pk)',
      });
    },

    async getBooking(id) {
      const item = await get(bookingKey(id));
      return item ? strip<BookingRecord>(item) : undefined;
    },

    replaceBooking(record, expectedVersion) {
      return conditionalPut(db, {
        TableName: tableName, Item: bookingItem(record),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      });
    },

    async listBookings(query) {
      const { index, partition, range, forward } = listingPlan(query);
      const { partitionKey: pkAttribute, sortKey: skAttribute } = indexKeyNames(index);
      // A past listing's keys all lie before now (an upcoming one's may since have passed: handled below).
      const startKey = decodeCursor(query.cursor, { attribute: pkAttribute, value: partition, extras: ['filter'], sortKeyBelow: range === '<' ? query.now : undefined });
      // A cursor belongs to one filter (upcoming and past share a partition but not a range).
      if (startKey && startKey.filter !== query.filter) throw problems.invalid([{ field: 'cursor', message: 'Not a cursor from this listing.' }]);
      if (startKey) delete startKey.filter;
      // An upcoming page whose last session has since begun: everything after it that is still upcoming lies after now.
      const resumeFrom = startKey && range === '>' && String(startKey[skAttribute]) <= query.now ? undefined : startKey;
      const page = await db.send(new QueryCommand({
        TableName: tableName, IndexName: index,
        KeyConditionExpression: `#pk = :pk${range ? ` AND #sk ${range} :now` : ''}`,
        ExpressionAttributeNames: { '#pk': pkAttribute, ...(range ? { '#sk': skAttribute } : {}) },
        ExpressionAttributeValues: { ':pk': partition, ...(range ? { ':now': query.now } : {}) },
        ScanIndexForward: forward,
        Limit: query.limit,
        ExclusiveStartKey: resumeFrom,
      }));
      const last = page.LastEvaluatedKey;
      return { items: (page.Items ?? []).map((item) => strip<BookingRecord>(item)), cursor: encodeCursor(last ? { ...last, filter: query.filter } : undefined) };
    },

    async listUnsettled(before, limit) {
      const { Items = [] } = await db.send(new QueryCommand({
        TableName: tableName, IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': bookingPartitions.unsettled, ':before': before },
        Limit: limit,
      }));
      return Items.map((item) => strip<BookingRecord>(item));
    },
  };
}
