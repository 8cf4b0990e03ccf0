import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { dynamoTicketStore } from '../../functions/tickets/dynamo-store.ts';
import type { LoadRequest } from './load.ts';

export interface BenchContext {
  url: string;
  /** A token for a seeded user, by e-mail. */
  token(email: string): Promise<string>;
  /** JSON request against the running server (setup, not measured). */
  request(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<any>;
}

export interface Prepared {
  request: LoadRequest;
  /** Run before each measurement of this scenario (e.g. a setting it needs, which another scenario changes). */
  before?: () => Promise<unknown>;
  /**
   * The same DynamoDB work one request does, made directly through the same store code (no HTTP, token,
   * validation or JSON): its throughput shows what the API layer itself costs.
   */
  storageWork?: (db: DynamoDBDocumentClient, tableName: string) => () => Promise<unknown>;
}

export interface Scenario {
  name: string;
  /** DynamoDB round trips one request makes: the storage limit divided by this is the scenario's ceiling. */
  dynamoCalls: number;
  prepare(context: BenchContext): Promise<Prepared>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Distributed training on LUMI: Ana, Giulia and Mikko's categories include it, so routing claims an expert. */
const ROUTED_BODY = { subject: 'Benchmark: job hangs at NCCL init', body: 'It hangs after `init_process_group`.', category: 'ai-training-and-inference', system: 'LUMI' };

function createScenario(name: string, autoAssign: boolean): Scenario {
  return {
    name,
    // Routing off: ticket number counter + conditional put. Routed: the same two, the claim on the chosen expert's
    // load riding on the number's write (settings, profiles and the roster are cached in the instance; the requester's
    // language too); a second write only when others claimed the same expert meanwhile and the choice moves.
    dynamoCalls: 2,
    async prepare({ token, request }) {
      const coordinator = await token('coord@support.example');
      const maria = await token('maria@aurora-ai.example');
      const switchRouting = () => request('PUT', '/api/settings/routing', { token: coordinator, body: { autoAssign, categories: {} } });
      await switchRouting();
      const template = await request('POST', '/api/tickets', { token: maria, body: ROUTED_BODY });
      let copy = 0;
      return {
        before: switchRouting,
        request: { method: 'POST', path: '/api/tickets', headers: bearer(maria), body: JSON.stringify(ROUTED_BODY) },
        storageWork: (db, tableName) => {
          const store = dynamoTicketStore(db, tableName);
          const routing = dynamoRoutingStore(db, tableName);
          const { sla: _sla, ...ticket } = template;
          const draw = async () => (autoAssign ? (await routing.claim('u-bench', 1, new Date().toISOString())).number : store.nextNumber());
          return async () => store.create({ ...ticket, id: `bench${autoAssign ? 'r' : 'u'}${copy++}`, number: await draw() });
        },
      };
    },
  };
}

export const ticketScenarios: Scenario[] = [
  // Creation with routing off and on, measured in the same run (each switches the setting before it is measured):
  // routed creation must keep at least 0.8 x the throughput of unrouted creation (issue 13).
  createScenario('POST /api/tickets (create, routing off)', false),
  createScenario('POST /api/tickets (create, routed)', true),
  {
    name: 'GET /api/tickets (queue, 25)',
    dynamoCalls: 1, // one index query
    async prepare({ token }) {
      return {
        request: { method: 'GET', path: '/api/tickets?assignee=unassigned&limit=25', headers: bearer(await token('ana@support.example')) },
        storageWork: (db, tableName) => {
          const store = dynamoTicketStore(db, tableName);
          return () => store.list({ assignee: 'none', limit: 25 });
        },
      };
    },
  },
  {
    name: 'GET /api/tickets/:id',
    dynamoCalls: 1, // one partition query: ticket and messages
    async prepare({ token, request }) {
      const maria = await token('maria@aurora-ai.example');
      const ticket = await request('POST', '/api/tickets', {
        token: maria,
        body: { subject: 'Benchmark ticket to read', body: 'Read me.', category: 'other' },
      });
      await request('POST', `/api/tickets/${ticket.id}/messages`, { token: await token('ana@support.example'), body: { body: 'A first answer.' } });
      return {
        request: { method: 'GET', path: `/api/tickets/${ticket.id}`, headers: bearer(maria) },
        storageWork: (db, tableName) => {
          const store = dynamoTicketStore(db, tableName);
          return () => store.getWithMessages(ticket.id);
        },
      };
    },
  },
];

const DAY = 86_400_000;

/** Every free slot of an expert over the next `days` days (the API caps one listing at 92 days). */
async function freeSlots(context: BenchContext, expertId: string, days: number): Promise<string[]> {
  const token = await context.token('maria@aurora-ai.example');
  const starts: string[] = [];
  for (let offset = 0; offset < days; offset += 90) {
    const from = new Date(Date.now() + offset * DAY).toISOString();
    const to = new Date(Date.now() + Math.min(days, offset + 90) * DAY).toISOString();
    const { slots } = await context.request('GET', `/api/experts/${expertId}/slots?from=${from}&to=${to}`, { token });
    starts.push(...slots.map((slot: { start: string }) => slot.start));
  }
  return starts;
}

function interleaveByDay(starts: string[]): string[] {
  const byDay = new Map<string, string[]>();
  for (const start of starts) byDay.set(start.slice(0, 10), [...(byDay.get(start.slice(0, 10)) ?? []), start]);
  const days = [...byDay.values()];
  const longest = Math.max(0, ...days.map((day) => day.length));
  return Array.from({ length: longest }, (_, i) => days.map((day) => day[i]).filter((start): start is string => start !== undefined)).flat();
}

export const bookingScenarios: Scenario[] = [
  {
    name: 'GET /api/experts/:id/slots (7 days)',
    dynamoCalls: 2, // expert profile + the expert's claimed slots in the range
    async prepare({ token }) {
      const from = new Date(Date.now() + DAY).toISOString();
      const to = new Date(Date.now() + 8 * DAY).toISOString();
      return {
        request: { method: 'GET', path: `/api/experts/u-mikko/slots?from=${from}&to=${to}`, headers: bearer(await token('maria@aurora-ai.example')) },
        storageWork: (db, tableName) => {
          const store = dynamoBookingStore(db, tableName);
          return async () => {
            await store.getExpert('u-mikko');
            await store.listClaims('u-mikko', from, to);
          };
        },
      };
    },
  },
  {
    name: 'POST /api/bookings (book a free slot)',
    dynamoCalls: 8, // profile, nearby claims, intent, allowance, claim day read + conditional write, charge, booked (functions/bookings/README.md)
    async prepare(context) {
      const coordinator = await context.token('coord@support.example');
      const ana = await context.token('ana@support.example');
      // Enough minutes and slots for every request of every round: round-the-clock 30-minute slots for a year.
      await context.request('PUT', '/api/orgs/aurora-ai/allowance', { token: coordinator, body: { minutes: 100_000 } });
      const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
      await context.request('PUT', '/api/experts/me/availability', {
        token: ana,
        body: { timeZone: 'UTC', slotMinutes: 30, weekly: days.map((day) => ({ day, start: '00:00', end: '23:59' })), noticeHours: 0, horizonDays: 365 },
      });
      // Many organisations book different days, not 50 sessions of one expert's one day (which all go through
      // that day's claims item): consecutive requests take slots of consecutive days.
      const slots = interleaveByDay(await freeSlots(context, 'u-ana', 360));
      let next = 0;
      return {
        request: {
          method: 'POST', path: '/api/bookings', headers: bearer(await context.token('maria@aurora-ai.example')),
          nextBody: () => JSON.stringify({ expertId: 'u-ana', start: slots[next++ % slots.length], topic: 'Benchmark session' }),
        },
      };
    },
  },
];
