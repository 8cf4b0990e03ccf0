import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsKeySpace } from '../../functions/analytics/keys.ts';
import { attachmentKeySpace } from '../../functions/attachments/keys.ts';
import { bookingKeySpace, isBookingItem } from '../../functions/bookings/keys.ts';
import { organisationKeySpace } from '../../functions/core/organisations.ts';
import { TABLE_INDEXES, type IndexName, type KeySpace } from '../../functions/core/table.ts';
import { userKeySpace } from '../../functions/core/users.ts';
import { eventSourceSortKeys, eventsKeySpace } from '../../functions/events/keys.ts';
import { SEED_MARKER_KEY } from '../../functions/local/seed.ts';
import { notifyKeySpace } from '../../functions/notify/keys.ts';
import { inboundMailKeySpace } from '../../functions/inbound-mail/keys.ts';
import { routingKeySpace } from '../../functions/routing/keys.ts';
import { isTicketItem, ticketKeySpace } from '../../functions/tickets/keys.ts';
import { AS, startNotifyStack, type NotifyStack } from '../notify/support.ts';

/** Every module that writes to the table, with the keys it writes. A new module adds its key space here. */
const KEY_SPACES: KeySpace[] = [
  ticketKeySpace(), bookingKeySpace(), notifyKeySpace(), eventsKeySpace(), userKeySpace(), organisationKeySpace(), routingKeySpace(), analyticsKeySpace(), attachmentKeySpace(), inboundMailKeySpace(),
  { module: 'local', items: [SEED_MARKER_KEY], partitions: {} },
];

/** Whether some string matches both patterns (`*` stands for any string, the empty one included). */
function overlap(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const from = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (!memo.has(key)) {
      memo.set(key, i === a.length && j === b.length ? true
        : a[i] === '*' ? from(i + 1, j) || (j < b.length && from(i, j + 1))
        : b[j] === '*' ? from(i, j + 1) || (i < a.length && from(i + 1, j))
        : i < a.length && j < b.length && a[i] === b[j] && from(i + 1, j + 1));
    }
    return memo.get(key)!;
  };
  return from(0, 0);
}

/** Every way two modules could write the same item, or share a partition of an index. */
function collisions(spaces: KeySpace[]): string[] {
  const found: string[] = [];
  for (const [n, first] of spaces.entries()) {
    for (const second of spaces.slice(n + 1)) {
      for (const a of first.items) {
        for (const b of second.items) {
          if (overlap(a.pk, b.pk) && overlap(a.sk, b.sk)) found.push(`table: ${first.module} ${a.pk}/${a.sk} ~ ${second.module} ${b.pk}/${b.sk}`);
        }
      }
      for (const { name } of TABLE_INDEXES) {
        for (const a of first.partitions[name] ?? []) {
          for (const b of second.partitions[name] ?? []) {
            if (overlap(a, b)) found.push(`${name}: ${first.module} ${a} ~ ${second.module} ${b}`);
          }
        }
      }
    }
  }
  return found;
}

describe('table keys', () => {
  it('the modules list their keys per index (table and each GSI)', () => {
    const listing = Object.fromEntries(KEY_SPACES.map((space) => [space.module, {
      table: space.items.map(({ pk, sk }) => `${pk} / ${sk}`),
      ...space.partitions,
    }]));
    expect(listing).toMatchInlineSnapshot(`
      {
        "analytics": {
          "table": [
            "ANALYTICS#SEARCH#* / QUERY#*",
            "ANALYTICS#FEEDBACK#* / GUIDE#*#*",
          ],
        },
        "attachments": {
          "table": [
            "ATTACHMENTS#* / ATT#*",
            "ATTACHMENTS#* / COUNTER",
          ],
        },
        "bookings": {
          "gsi1": [
            "BOOKINGS#UNSETTLED",
          ],
          "gsi2": [
            "EXPERTS",
          ],
          "gsi3": [
            "BOOKINGS#ORG#*#*",
          ],
          "gsi4": [
            "BOOKINGS#EXPERT#*#*",
          ],
          "gsi5": [
            "BOOKINGS#ALL#*",
          ],
          "table": [
            "EXPERT#* / PROFILE",
            "EXPERT#* / CLAIMS#*",
            "ORG#* / ALLOWANCE",
            "ORG#* / USAGE#*",
            "BOOKING#* / BOOKING",
          ],
        },
        "events": {
          "table": [
            "EVENTS#FEED / *",
          ],
        },
        "inbound-mail": {
          "table": [
            "INBOUND#MAIL#* / MAIL",
            "INBOUND#SENDER#* / RATE#*",
            "INBOUND#SENDER#* / ANSWERED#*",
            "USER#* / MAIL#TOKENS",
          ],
        },
        "local": {
          "table": [
            "META / SEED",
          ],
        },
        "notify": {
          "gsi1": [
            "NOTIFY#SENDING",
            "NOTIFY#FAILED",
            "NOTIFY#PARKED",
            "NOTIFY#QUEUED",
          ],
          "table": [
            "NOTIFY#DELIVERY#* / DELIVERY",
            "USER#* / NOTIFY#PREFERENCES",
            "NOTIFY#FOLLOW#* / USER#*",
            "NOTIFY#AUDIENCE#* / AUDIENCE",
          ],
        },
        "organisations": {
          "gsi2": [
            "ORGS",
          ],
          "table": [
            "ORG#* / PROFILE",
          ],
        },
        "routing": {
          "table": [
            "SETTINGS / ROUTING#*",
            "ROUTING#ROSTER / EXPERT#*",
          ],
        },
        "tickets": {
          "gsi1": [
            "ORG#*#TICKETS",
          ],
          "gsi2": [
            "TICKETS#STATUS#*",
          ],
          "gsi3": [
            "TICKETS#ASSIGNEE#*",
          ],
          "gsi4": [
            "TICKETS#SYSTEM#*",
          ],
          "gsi5": [
            "TICKETS",
            "DEFLECTIONS",
          ],
          "gsi6": [
            "TICKETS#NUMBER#*",
          ],
          "table": [
            "TICKET#* / TICKET",
            "TICKET#* / MSG#*",
            "COUNTER / TICKET",
            "DEFLECTION#* / DEFLECTION",
          ],
        },
        "users": {
          "gsi1": [
            "ROLE#*",
          ],
          "gsi3": [
            "EMAIL#*",
          ],
          "table": [
            "USER#* / PROFILE",
          ],
        },
      }
    `);
  });

  it('no two modules can write the same item or share an index partition', () => {
    expect(collisions(KEY_SPACES)).toEqual([]);
  });

  it('the stream filter lets through every item events are derived from, and of the rest only the ticket counter', () => {
    const passing: string[] = [];
    for (const space of KEY_SPACES) {
      for (const key of space.items) {
        const item = { pk: key.pk.replaceAll('*', 'x'), sk: key.sk.replaceAll('*', 'x') };
        if (isTicketItem(item) || isBookingItem(item)) expect(eventSourceSortKeys(), `${key.pk}/${key.sk}`).toContain(item.sk);
        else if (eventSourceSortKeys().includes(item.sk)) passing.push(`${key.pk}/${key.sk}`);
      }
    }
    // The counter shares the ticket's sort key: it wakes the handler on each new ticket and yields no event.
    expect(passing).toEqual(['COUNTER/TICKET']);
  });

  it('the check finds a collision when there is one', () => {
    const routing: KeySpace = { module: 'routing', items: [{ pk: 'TICKET#*', sk: 'ROUTE' }, { pk: 'ORG#*', sk: 'ALLOWANCE' }], partitions: { gsi2: ['TICKETS#STATUS#routed'], gsi3: ['ROUTES'] } };
    expect(collisions([...KEY_SPACES, routing])).toEqual([
      'gsi2: tickets TICKETS#STATUS#* ~ routing TICKETS#STATUS#routed',
      'table: bookings ORG#*/ALLOWANCE ~ routing ORG#*/ALLOWANCE',
    ]);
  });
});

describe('the items in the table', () => {
  let stack: NotifyStack;
  beforeAll(async () => {
    stack = await startNotifyStack();
    // Items of every kind: tickets, messages, deflections, bookings with their claims and usage, allowances,
    // preferences and follows, sent and failed deliveries, the feed's checkpoint, reading counters.
    await stack.follow(AS.mikko, ['performance']);
    const ticket = await stack.newTicket(AS.maria);
    await stack.reply(AS.ana, ticket.id, 'Public answer.');
    // An attachment and the ticket's attachment counter.
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/attachments`, { as: AS.maria, body: { filename: 'job.log', size: 10 } })).status).toBe(201);
    expect((await stack.call('POST', '/api/deflections', { as: AS.lea, body: { guide: 'slurm-basics' } })).status).toBeLessThan(300);
    expect((await stack.call('POST', '/api/analytics/search', { body: { query: 'Apptainer LUMI', results: 3 } })).status).toBe(202);
    expect((await stack.call('POST', '/api/analytics/feedback', { body: { guide: 'slurm-basics', helpful: false, reason: 'Too short' } })).status).toBe(202);
    expect((await stack.call('PUT', '/api/orgs/basalt-labs/allowance', { as: AS.coord, body: { minutes: 600 } })).status).toBe(200);
    const slot = await stack.slot('u-mikko');
    expect((await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-mikko', start: slot.start, topic: 'Profiling' } })).status).toBe(201);
    // A ticket by e-mail: the channel's Message-ID claim and sender counter.
    const mail = new TextEncoder().encode('From: jonas@aurora-ai.example\r\nTo: support@hpc-ai-support-centre.local\r\nSubject: By mail\r\nMessage-ID: <keys@aurora-ai.example>\r\n\r\nHello\r\n');
    expect((await stack.server.inboundMail.receive({ raw: mail, size: mail.length, recipients: ['support@hpc-ai-support-centre.local'], mailFrom: 'jonas@aurora-ai.example', authentication: 'loopback' })).status).toBe('ticket');
    await stack.flush();
    stack.transport.failing = true;
    await stack.reply(AS.maria, ticket.id, 'Thanks, trying it.');
    await stack.flush();
  });
  afterAll(async () => { await stack?.close(); });

  it('each belongs to exactly one module, and so does each index partition it is in', async () => {
    const items = (await stack.server.db.send(new ScanCommand({ TableName: stack.server.tableName }))).Items ?? [];
    const strays: string[] = [];
    const owners = new Set<string>();
    for (const item of items) {
      const [owner, ...others] = KEY_SPACES.filter((space) => space.items.some(({ pk, sk }) => overlap(pk, String(item.pk)) && overlap(sk, String(item.sk))));
      if (!owner || others.length) {
        strays.push(`${item.pk}/${item.sk}`);
        continue;
      }
      owners.add(owner.module);
      for (const { name, partitionKey } of TABLE_INDEXES) {
        const partition = item[partitionKey];
        if (partition === undefined) continue;
        if (!(owner.partitions[name as IndexName] ?? []).some((pattern) => overlap(pattern, String(partition)))) strays.push(`${item.pk}/${item.sk} in ${name} ${partition}`);
      }
    }
    expect(strays).toEqual([]);
    expect([...owners].sort()).toEqual(KEY_SPACES.map((space) => space.module).sort());
  });
});
