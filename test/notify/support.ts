import { expect } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { createOutbox } from '../../functions/notify/outbox.ts';
import type { MailTransport } from '../../functions/notify/transport.ts';
import { slotDealer } from '../support/slots.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import type { LocalServerOptions } from '../../functions/local/server.ts';

/** Monday morning; the seed's demo bookings fall on Thursday 2026-12-03. */
export const NOW = '2026-11-30T08:00:00Z';
export const HOUR = 3_600_000;

/** A provider we can switch off: records what it accepted, throws while `failing`. */
export function switchableTransport() {
  const outbox = createOutbox();
  const accepted: OutgoingMail[] = [];
  let attempts = 0;
  const transport: MailTransport & { failing: boolean; accepted: OutgoingMail[]; attempts(): number; outbox: typeof outbox } = {
    failing: false,
    accepted,
    outbox,
    attempts: () => attempts,
    async send(mail) {
      attempts++;
      if (transport.failing) throw Object.assign(new Error('provider unavailable'), { name: 'ServiceUnavailable' });
      accepted.push(mail);
      return outbox.send(mail);
    },
  };
  return transport;
}

export interface NotifyStack extends TestStack {
  clock: ReturnType<typeof fixedClock>;
  transport: ReturnType<typeof switchableTransport>;
  json<T = any>(response: Response): Promise<T>;
  /** One poll of the change feed (what the stream does in AWS). */
  flush(): Promise<void>;
  sweep(): ReturnType<TestStack['server']['notifications']['sweep']['run']>;
  /** Messages accepted since the last call, as [recipient address, subject]. */
  take(): OutgoingMail[];
  /** flush, then take: the messages the changes made so far sent. */
  sent(): Promise<OutgoingMail[]>;
  newTicket(as: string, body?: Record<string, unknown>): Promise<any>;
  reply(as: string, ticketId: string, body: string, internal?: boolean): Promise<void>;
  patch(as: string, ticketId: string, patch: Record<string, unknown>): Promise<any>;
  follow(as: string, categories: string[]): Promise<void>;
  slot(expertId: string): Promise<{ start: string; end: string }>;
  /** Sets a user's language and zone as they would on the preferences page (PUT /api/me/preferences). */
  settings(as: string, body: { language?: string | null; timeZone?: string | null }): Promise<void>;
}

/** The requesters write in their own languages in these tests (the demo users start in English). */
export const REQUESTER_LANGUAGES: Record<string, string> = { [AS.maria]: 'es', [AS.jonas]: 'de', [AS.lea]: 'fr' };

export async function startNotifyStack(now = NOW, options: Partial<LocalServerOptions> = {}): Promise<NotifyStack> {
  const clock = fixedClock(now);
  const transport = switchableTransport();
  const stack = await startTestStack({ clock, notifications: { transport }, ...options });
  // The feed starts just after start-up: act a second later, as a person would.
  clock.advance(1000);
  const json = async (response: Response) => JSON.parse(await response.text());
  let seen = 0;
  const notifyStack: NotifyStack = {
    ...stack,
    clock,
    transport,
    json,
    async flush() {
      await stack.server.events.feed.poll();
    },
    sweep: () => stack.server.notifications.sweep.run(),
    take() {
      const fresh = transport.accepted.slice(seen);
      seen = transport.accepted.length;
      return fresh;
    },
    async sent() {
      await notifyStack.flush();
      return notifyStack.take();
    },
    async newTicket(as, body = {}) {
      const response = await stack.call('POST', '/api/tickets', { as, body: { subject: 'NCCL timeout on LUMI-G', body: 'Job 4242 hangs.', category: 'performance', ...body } });
      expect(response.status, await response.clone().text()).toBe(201);
      return json(response);
    },
    async reply(as, ticketId, body, internal = false) {
      const response = await stack.call('POST', `/api/tickets/${ticketId}/messages`, { as, body: { body, internal } });
      expect(response.status, await response.clone().text()).toBe(201);
    },
    async patch(as, ticketId, patch) {
      const current = await stack.call('GET', `/api/tickets/${ticketId}`, { as });
      const response = await stack.call('PATCH', `/api/tickets/${ticketId}`, { as, body: patch, headers: { 'if-match': current.headers.get('etag')! } });
      expect(response.status, await response.clone().text()).toBe(200);
      return json(response);
    },
    async follow(as, categories) {
      const response = await stack.call('PUT', '/api/me/notifications', { as, body: { categories } });
      expect(response.status, await response.clone().text()).toBe(200);
    },
    slot: slotDealer(stack, clock, 40),
    async settings(as, body) {
      const response = await stack.call('PUT', '/api/me/preferences', { as, body });
      expect(response.status, await response.clone().text()).toBe(200);
    },
  };
  for (const [as, language] of Object.entries(REQUESTER_LANGUAGES)) await notifyStack.settings(as, { language });
  return notifyStack;
}

/** Who got what: [address, subject] pairs, sorted, for exact comparisons. */
export const addressed = (mails: OutgoingMail[]) => mails.map((m) => m.to.address).sort();

export { AS };
