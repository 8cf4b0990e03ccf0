/**
 * Mixed traffic of people using the product, for the fault tests and the soak benchmark: open tickets, reply,
 * assign, list, book, reschedule, cancel, across both organisations. Every request is sent as a careful client
 * sends it: a 503 is tried again after its Retry-After with the same request (same Idempotency-Key, a fresh If-Match
 * read for a PATCH). What came back is counted by status and timed by route.
 */
import { AS } from './stack.ts';

export type Call = (method: string, path: string, options?: { as?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Response>;

export interface TrafficLog {
  statuses: Map<number, number>;
  /** Milliseconds per route (method and path pattern), every try included. */
  latencies: Map<string, number[]>;
  /** Answers no client should ever get (a 500, a 503 without Retry-After or problem+json). */
  defects: string[];
}

export const newTrafficLog = (): TrafficLog => ({ statuses: new Map(), latencies: new Map(), defects: [] });

const REQUESTERS = [AS.maria, AS.jonas, AS.lea] as const;
const EXPERTS = ['u-ana', 'u-mikko', 'u-giulia'] as const;
const RETRIES_AFTER_503 = 6;

export interface TrafficOptions {
  call: Call;
  log: TrafficLog;
  random: () => number;
  /** The product's clock (slots are offered from a week ahead of it). */
  now: () => Date;
  /** Waits out Retry-After (tests with a fixed clock pass a short wait). */
  wait?: (ms: number) => Promise<void>;
}

export function trafficOf({ call, log, random, now, wait = (ms) => new Promise((r) => setTimeout(r, ms)) }: TrafficOptions) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const tickets: Array<{ id: string; as: string }> = [];
  const bookings: Array<{ id: string; as: string }> = [];
  const slots = new Map<string, string[]>();
  let sequence = 0;
  const key = () => `traffic-${Date.now().toString(36)}-${(sequence++).toString(36)}-${Math.floor(random() * 1e9).toString(36)}`;

  /** One request, tried again after a 503; logs every answer. */
  async function send(route: string, method: string, path: string, options: Parameters<Call>[2] = {}, fresh?: () => Promise<Record<string, string>>): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const headers = { ...options.headers, ...(fresh ? await fresh() : {}) };
      const started = performance.now();
      const response = await call(method, path, { ...options, headers });
      const ms = performance.now() - started;
      log.statuses.set(response.status, (log.statuses.get(response.status) ?? 0) + 1);
      log.latencies.set(route, [...(log.latencies.get(route) ?? []), ms].slice(-50_000));
      if (response.status >= 500 && response.status !== 503) log.defects.push(`${method} ${route}: ${response.status} ${await response.clone().text()}`);
      if (response.status !== 503) return response;
      const type = response.headers.get('content-type');
      const retryAfter = Number(response.headers.get('retry-after'));
      if (type !== 'application/problem+json' || !(retryAfter > 0)) log.defects.push(`${method} ${route}: 503 without problem+json and Retry-After`);
      if (attempt >= RETRIES_AFTER_503) return response;
      await wait(retryAfter * 1000);
    }
  }

  async function freeSlot(expertId: string): Promise<string | undefined> {
    let list = slots.get(expertId);
    if (!list?.length) {
      const from = new Date(now().getTime() + 7 * 86_400_000).toISOString();
      const to = new Date(now().getTime() + 59 * 86_400_000).toISOString();
      const response = await send('GET /api/experts/{id}/slots', 'GET', `/api/experts/${expertId}/slots?from=${from}&to=${to}`, { as: AS.coord });
      if (response.status !== 200) return undefined;
      list = ((await response.json()) as { slots: Array<{ start: string }> }).slots.map((s) => s.start);
      slots.set(expertId, list);
    }
    // One of the first few, and now and then left on the list for the next request too: some race for one slot.
    const index = Math.floor(random() * Math.min(3, list.length));
    return random() < 0.25 ? list[index] : list.splice(index, 1)[0];
  }

  const ops = {
    async createTicket() {
      const as = pick(REQUESTERS);
      const response = await send('POST /api/tickets', 'POST', '/api/tickets', {
        as, headers: { 'idempotency-key': key() },
        body: { subject: `Job ${sequence} stalls on ${pick(['LUMI', 'Leonardo', 'MareNostrum 5'])}`, body: 'It hangs after the first epoch.', category: 'ai-training-and-inference' },
      });
      if (response.status === 201 || response.status === 200) tickets.push({ id: ((await response.json()) as { id: string }).id, as });
    },
    async reply() {
      const ticket = tickets.length ? pick(tickets) : undefined;
      if (!ticket) return ops.createTicket();
      const staff = random() < 0.5;
      await send('POST /api/tickets/{id}/messages', 'POST', `/api/tickets/${ticket.id}/messages`, {
        as: staff ? pick([AS.ana, AS.mikko]) : ticket.as, headers: { 'idempotency-key': key() },
        body: { body: staff ? 'Try NCCL_SOCKET_IFNAME=hsn0.' : 'Still stuck.', internal: staff && random() < 0.2 },
      });
    },
    async patch() {
      const ticket = tickets.length ? pick(tickets) : undefined;
      if (!ticket) return ops.createTicket();
      const assignee = pick(['u-ana', 'u-mikko']);
      const etag = async () => {
        const read = await call('GET', `/api/tickets/${ticket.id}`, { as: AS.coord });
        return { 'if-match': read.headers.get('etag') ?? '"v0"' };
      };
      await send('PATCH /api/tickets/{id}', 'PATCH', `/api/tickets/${ticket.id}`, { as: AS.coord, body: { assigneeId: assignee, priority: pick(['low', 'normal', 'high']) } }, etag);
    },
    async list() {
      await send('GET /api/tickets', 'GET', '/api/tickets?limit=20', { as: pick([...REQUESTERS, AS.coord]) });
    },
    async book() {
      const expertId = pick(EXPERTS);
      const start = await freeSlot(expertId);
      if (!start) return;
      const as = pick(REQUESTERS);
      const response = await send('POST /api/bookings', 'POST', '/api/bookings', { as, headers: { 'idempotency-key': key() }, body: { expertId, start, topic: 'Scaling FSDP' } });
      if (response.status === 201 || response.status === 200) bookings.push({ id: ((await response.json()) as { id: string }).id, as });
    },
    async reschedule() {
      const booking = bookings.length ? pick(bookings) : undefined;
      if (!booking) return ops.book();
      const current = await call('GET', `/api/bookings/${booking.id}`, { as: booking.as });
      if (current.status !== 200) return;
      const { expertId, status } = (await current.json()) as { expertId: string; status: string };
      const start = status === 'booked' ? await freeSlot(expertId) : undefined;
      if (!start) return;
      await send('POST /api/bookings/{id}/reschedule', 'POST', `/api/bookings/${booking.id}/reschedule`, { as: booking.as, body: { start } });
    },
    async cancel() {
      const index = Math.floor(random() * bookings.length);
      const booking = bookings.splice(index, 1)[0];
      if (!booking) return ops.book();
      await send('POST /api/bookings/{id}/cancel', 'POST', `/api/bookings/${booking.id}/cancel`, { as: booking.as, body: { reason: 'Solved it ourselves.' } });
    },
  };

  /** The mix: how often each operation comes, out of 100. */
  const MIX: Array<[keyof typeof ops, number]> = [['createTicket', 15], ['reply', 15], ['patch', 10], ['list', 20], ['book', 18], ['reschedule', 10], ['cancel', 12]];
  return {
    ops,
    /** One operation drawn from the mix. */
    next(): Promise<void> {
      let draw = random() * 100;
      for (const [op, weight] of MIX) {
        draw -= weight;
        if (draw < 0) return ops[op]();
      }
      return ops.list();
    },
  };
}
