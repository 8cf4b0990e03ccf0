import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { STAFF_ROLES } from '../core/principal.ts';
import { isUnavailable } from '../core/unavailable.ts';
import type { UserDirectory, UserRecord } from '../core/users.ts';
import { deliveriesFor, type AudienceDeps } from './audience.ts';
import type { NotifyEvent } from './domain/events.ts';
import { MANDATORY_KINDS, wants } from './domain/kinds.ts';
import type { Delivery, Notice } from './domain/notice.ts';
import type { OrganisationLanguages } from '../core/organisations.ts';
import { personLanguage } from '../core/person-language.ts';
import { unsubscribeUrl } from './unsubscribe.ts';
import type { Mailbox } from './mime.ts';
import type { DeliveryRecord, NotifyStore } from './store.ts';
import { render } from './templates/render.ts';
import type { MailTransport } from './transport.ts';
import type { SlaRules } from '../tickets/domain/sla.ts';
import type { MailChannelConfig } from '../core/config.ts';
import { withReplyAddresses } from './domain/reply-addresses.ts';

/** Rounds of the SDK's own retries for recording a sent mail (each round is up to three attempts). */
const MARK_SENT_ROUNDS = 3;

export interface NotifierDeps {
  store: NotifyStore;
  users: UserDirectory;
  transport: MailTransport;
  clock: Clock;
  sender: Mailbox;
  publicUrl: string;
  logger?: Logger;
  /** The files a reply carries, listed in its mail. */
  filesOf?: AudienceDeps['filesOf'];
  organisationName?: AudienceDeps['organisationName'];
  /** Attempts before a delivery is parked for a coordinator: the first, then the sweep's spaced retries. */
  maxAttempts?: number;
  /** The calendar and SLA policy (the acknowledgement's expected first response); the defaults without it. */
  slaRules?: () => Promise<SlaRules>;
  /** A public reply's conversation (its text and the public messages before it). */
  conversationOf?: AudienceDeps['conversationOf'];
  /** An organisation's default language, for its people who chose none. */
  organisationLanguage?: OrganisationLanguages;
  /** Signs the one-click unsubscribe links of optional kinds; without it mails carry none. */
  unsubscribeSecret?: string;
  /** The e-mail channel: ticket mails get signed reply addresses (Reply-To); without it they have none. */
  channel?: MailChannelConfig;
}

export type Outcome = 'sent' | 'duplicate' | 'opted-out' | 'no-address' | 'refused' | 'failed' | 'parked';

export const DEFAULT_MAX_ATTEMPTS = 4;
const DAY_SECONDS = 86_400;

/** A delivery's id: one per (event, recipient), whatever derives the event and however often. */
export function deliveryId(eventId: string, recipientId: string): string {
  return createHash('sha256').update(`${eventId}\u0000${recipientId}`).digest('hex').slice(0, 32);
}

/**
 * How long a marker must outlive its event to keep it from happening twice: escalations and tickets at risk are
 * re-derived for as long as a ticket stays open, everything else only within the stream's retention, the feed's overlap or
 * before the session starts.
 */
export function retentionDays(eventId: string): number {
  return eventId.startsWith('S#') || eventId.startsWith('A#') ? 400 : 30;
}

/** Nothing about an organisation reaches anyone but its members and support-centre staff. */
export function mayReceive(user: Pick<UserRecord, 'role' | 'orgId'>, orgId: string): boolean {
  return STAFF_ROLES.includes(user.role) || (user.role === 'requester' && user.orgId === orgId);
}

/** The root of the thread a mail belongs to: one per ticket (its reference) or booking, on the sender's domain. */
export function threadOf(notice: Notice, domain: string): string {
  return 'ticket' in notice ? `ticket-${notice.ticket.reference}@${domain}` : `booking-${notice.booking.id}@${domain}`;
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function notifier(deps: NotifierDeps) {
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const followers = (category: string) => deps.store.followers(category);
  // Message ids on our own domain (the sender's), as RFC 5322 asks: unique, and threads that group in every client.
  const domain = deps.sender.address.split('@')[1] ?? 'localhost';

  /** Renders and sends a claimed delivery, then records the outcome on its marker. */
  async function send(record: DeliveryRecord): Promise<Outcome> {
    const unsubscribe = !record.mandatory && deps.unsubscribeSecret ? unsubscribeUrl(deps.publicUrl, deps.unsubscribeSecret, record.recipientId, record.kind) : undefined;
    const rendered = render(
      record.notice,
      { name: record.to.name ?? record.to.address, lang: record.lang, timeZone: record.timeZone },
      { publicUrl: deps.publicUrl, mandatory: record.mandatory, ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}) },
    );
    const at = deps.clock.now();
    let providerMessageId: string | undefined;
    try {
      // The message id is the delivery's: one per (event, recipient), the same on every retry of it.
      ({ providerMessageId } = await deps.transport.send({
        ...rendered, from: deps.sender, to: record.to, messageId: `${record.id}@${domain}`, date: at,
        thread: threadOf(record.notice, domain), ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
        ...(record.notice.replyTo ? { replyTo: { address: record.notice.replyTo, name: deps.sender.name } } : {}),
      }));
    } catch (error) {
      const park = record.attempts >= maxAttempts;
      deps.logger?.warn('delivery failed', { deliveryId: record.id, eventId: record.eventId, attempts: record.attempts, parked: park, error: describe(error) });
      await deps.store.markFailed(record.id, deps.clock.now().toISOString(), describe(error), park);
      return park ? 'parked' : 'failed';
    }
    // Outside the provider's try: a storage error here is no failed send. Marked failed, the mail would go again
    // on the sweep's retry; left `sending`, it is never sent twice but parked in doubt for a person to judge. The
    // mail is out, so recording that gets more patience than a request: rounds of the SDK's retries.
    for (let round = 1; ; round++) {
      try {
        await deps.store.markSent(record.id, deps.clock.now().toISOString(), providerMessageId);
        return 'sent';
      } catch (error) {
        if (round >= MARK_SENT_ROUNDS || !isUnavailable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * round));
      }
    }
  }

  /**
   * One message to one person. The marker is claimed BEFORE the provider is called: a crash after the claim
   * can lose the message but never send it twice; such a delivery stays `sending`, and the sweep parks it
   * "in doubt" for a coordinator to replay. A provider error (after the SDK's own retries) marks it `failed`;
   * the sweep tries it again every few minutes and parks it after `maxAttempts`. Only errors of our own
   * (DynamoDB, a bug) are thrown, for the stream to retry the record.
   */
  async function deliver(delivery: Delivery): Promise<Outcome> {
    const user = (await deps.users.get(delivery.recipientId)) ?? delivery.fallback;
    if (!user?.email) {
      // In AWS a user enters the directory on first sign-in (GET /api/me); until then there is no address.
      deps.logger?.info('no address for a recipient', { eventId: delivery.eventId, recipientId: delivery.recipientId });
      return 'no-address';
    }
    if (!mayReceive(user, delivery.orgId)) {
      deps.logger?.error('refused a delivery outside the organisation', { eventId: delivery.eventId, recipientId: delivery.recipientId });
      return 'refused';
    }
    if (!wants(await deps.store.getPreferences(user.id), delivery.kind, delivery.category)) return 'opted-out';
    const [lang, centre] = await Promise.all([
      personLanguage(user, deps.organisationLanguage),
      user.timeZone ? undefined : deps.slaRules?.(),
    ]);
    // Without a zone of their own, times are in the centre's (named in the mail), which is where the clocks run.
    const timeZone = user.timeZone ?? centre?.calendar.timeZone;
    const now = deps.clock.now();
    const record = await deps.store.claim({
      id: deliveryId(delivery.eventId, delivery.recipientId),
      eventId: delivery.eventId,
      recipientId: delivery.recipientId,
      to: { address: user.email, name: user.name },
      lang,
      ...(timeZone ? { timeZone } : {}),
      kind: delivery.kind,
      mandatory: MANDATORY_KINDS.includes(delivery.kind),
      notice: withReplyAddresses(delivery.notice, user, deps.channel, now),
    }, now.toISOString(), Math.floor(now.getTime() / 1000) + retentionDays(delivery.eventId) * DAY_SECONDS);
    if (!record) return 'duplicate';
    return send(record);
  }

  /**
   * The deliveries of one event. An escalation's audience depends on the ticket at the time of the sweep (its
   * assignee), so its first audience is kept: a later assignee does not get the same warning again.
   */
  async function deliveriesOf(event: NotifyEvent): Promise<Delivery[]> {
    const deliveries = await deliveriesFor(event, { users: deps.users, followers, slaRules: deps.slaRules, filesOf: deps.filesOf, conversationOf: deps.conversationOf, organisationName: deps.organisationName });
    if (event.type !== 'slaEscalation' || deliveries.length === 0) return deliveries;
    const expiresAt = Math.floor(deps.clock.now().getTime() / 1000) + retentionDays(event.eventId) * DAY_SECONDS;
    const audience = await deps.store.fixAudience(event.eventId, deliveries.map((d) => d.recipientId), expiresAt);
    return audience.map((recipientId) => ({ ...deliveries[0]!, recipientId }));
  }

  /** Every delivery of these events. A provider failure is an outcome (the sweep owns it); other errors throw. */
  async function handle(events: NotifyEvent[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const event of events) {
      for (const delivery of await deliveriesOf(event)) outcomes.push(await deliver(delivery));
    }
    return outcomes;
  }

  /** Sends again what failed earlier or what a coordinator queued. */
  async function retry(record: DeliveryRecord): Promise<Outcome> {
    const claimed = await deps.store.claimForRetry(record.id, deps.clock.now().toISOString());
    return claimed ? send(claimed) : 'duplicate';
  }

  return { deliver, handle, retry };
}

export type Notifier = ReturnType<typeof notifier>;
