import type { Clock } from '../core/clock.ts';
import { idempotentCreation } from '../core/idempotency.ts';
import { fingerprint, idempotentId } from '../core/ids.ts';
import { isStaff, type Principal, type RequesterPrincipal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { isTopicId } from '../core/topics.ts';
import type { UserDirectory } from '../core/users.ts';
import { violation } from '../core/violation.ts';
import type { Deflection } from './domain/figures.ts';
import { assertMayPost } from './domain/state.ts';
import { applyMessage, applyPatch, recordsMessage, type TicketPatch } from './domain/changes.ts';
import { numberOfReference, ticketReference, type Message, type Ticket } from './domain/model.ts';
import { versionSeenBy } from './domain/visibility.ts';
import type { StoredTicket, TicketPage, TicketQuery, TicketStore } from './store.ts';
import type { TicketToRoute } from '../routing/domain/assign.ts';
import type { LoadHolder } from '../routing/domain/load.ts';
import type { Routed } from '../routing/service.ts';
import { DEFAULT_SLA_RULES, computeSla, type SlaRules } from './domain/sla.ts';

/**
 * What tickets need of routing (functions/routing/service.ts implements it): who a new ticket goes to, the
 * counters kept right as tickets change, and the calendar and SLA policy the clocks run on.
 */
export interface TicketRouting {
  rules(): Promise<SlaRules>;
  assign(ticket: Omit<TicketToRoute, 'language'>, language: () => Promise<string | undefined>): Promise<Routed>;
  release(routed: Routed): Promise<void>;
  ticketChanged(before: LoadHolder | undefined, after: LoadHolder): Promise<void>;
}

export interface TicketDeps {
  store: TicketStore;
  users: UserDirectory;
  clock: Clock;
  /** Routing; without it (the seed's history, unit tests) tickets stay unassigned and clocks use the defaults. */
  routing?: TicketRouting;
  /** Whether a guide with this slug is published (the topics by default; the local server asks its built site). */
  isGuide?: (slug: string) => boolean;
  /** Checks and links the files a message carries (functions/attachments implements it). */
  attachments?: MessageAttachments;
}

/** The attachments a message names: refused (a violation) unless each may go with it; then linked to it. */
export interface MessageAttachments {
  link(author: Principal, ticketId: string, attachmentIds: readonly string[], internal: boolean, messageId: string): Promise<void>;
}

export type NewTicket = Pick<Ticket, 'subject' | 'body' | 'category' | 'priority' | 'system' | 'topic' | 'projectId' | 'jobId'>;

/** A listing as the API asks for it: the store's query in the caller's words. */
export interface TicketListing extends Omit<TicketQuery, 'assignee' | 'requesterId' | 'orgId' | 'createdBefore' | 'words' | 'number'> {
  assignee?: string;
  requester?: string;
  createdTo?: string;
  q?: string;
  scope?: 'mine' | 'org';
  sort?: 'activity' | 'due' | 'created';
}

/** How many matches a sorted listing (by due time or creation) reads before sorting: one page, no cursor. */
export const SORTED_LISTING_MAX = 500;

export interface NewMessage {
  body: string;
  internal: boolean;
  attachmentIds?: string[];
}

const MAX_UPDATE_ATTEMPTS = 30;
const LANGUAGE_TTL_MS = 5 * 60_000;

/** Jittered backoff so writers racing on one hot ticket spread out instead of colliding again. */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

function withoutFingerprint(ticket: StoredTicket): Ticket {
  const { requestFingerprint: _f, ...rest } = ticket;
  return rest;
}

/** A replaced item keeps the fingerprint of the request that created it, for later idempotent retries. */
function keepFingerprint(next: Ticket, stored: StoredTicket): StoredTicket {
  return stored.requestFingerprint ? { ...next, requestFingerprint: stored.requestFingerprint } : next;
}

export function ticketService({ store, users, clock, routing, isGuide = isTopicId, attachments }: TicketDeps) {
  /** The id a path names: the id itself, or the ticket a reference (HD-1005, hd-1005, 1005) names. */
  async function idOf(idOrReference: string): Promise<string | undefined> {
    const number = numberOfReference(idOrReference);
    return number === undefined ? idOrReference : store.idOfNumber(number);
  }

  /** The ticket if the caller may see it; another organisation's ticket is "not found", never "forbidden". */
  async function visibleTicket(principal: Principal, idOrReference: string): Promise<StoredTicket> {
    const id = await idOf(idOrReference);
    const ticket = id === undefined ? undefined : await store.get(id);
    if (!ticket || (!isStaff(principal) && ticket.orgId !== principal.orgId)) throw problems.notFound(`No ticket ${idOrReference}.`);
    return ticket;
  }

  /** Whom a new ticket goes to: routing's choice, claimed on the expert's counters. */
  async function route(principal: RequesterPrincipal, input: NewTicket): Promise<Routed | undefined> {
    if (!routing) return undefined;
    return routing.assign({ category: input.category, topic: input.topic, system: input.system, priority: input.priority }, () => languageOf(principal.id));
  }

  const slaRules = () => (routing ? routing.rules() : Promise.resolve(DEFAULT_SLA_RULES));

  // A requester's language changes rarely and they often open several tickets: kept a few minutes per instance.
  const languages = new Map<string, { lang: string; until: number }>();
  async function languageOf(userId: string): Promise<string> {
    const held = languages.get(userId);
    if (held && held.until > Date.now()) return held.lang;
    const lang = (await users.get(userId))?.lang ?? 'en';
    if (languages.size > 10_000) languages.clear();
    languages.set(userId, { lang, until: Date.now() + LANGUAGE_TTL_MS });
    return lang;
  }

  /** One PATCH-like change, retried on a concurrent write; `expectedVersion` undefined: whatever is current. */
  async function changeTicket(principal: Principal, idOrReference: string, patch: TicketPatch, expectedVersion?: number, why?: string): Promise<Ticket> {
    const assignee = patch.assigneeId ? await users.get(patch.assigneeId) : undefined;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const ticket = await visibleTicket(principal, idOrReference);
      if (expectedVersion !== undefined && versionSeenBy(ticket, principal) !== expectedVersion) throw problems.preconditionFailed('The ticket changed since you read it; reload it.');
      const next = applyPatch(withoutFingerprint(ticket), patch, principal, assignee, clock.now().toISOString(), why);
      if (next.version === ticket.version || (await replaced(next, ticket))) return next;
      await backoff(attempt);
    }
    throw violation('busy', 'The ticket is being changed by many people at once; send the same request again.');
  }

  /** Writes a change and keeps the assignees' counters right (a counter write that fails is healed by the sweep). */
  async function replaced(next: Ticket, stored: StoredTicket): Promise<boolean> {
    if (!(await store.replace(keepFingerprint(next, stored), stored.version))) return false;
    await routing?.ticketChanged(stored, next);
    return true;
  }

  return {
    async create(principal: RequesterPrincipal, input: NewTicket, idempotencyKey?: string): Promise<{ ticket: Ticket; replayed: boolean }> {
      const creation = idempotentCreation('ticket', principal.id, idempotencyKey, input);
      const { id } = creation;
      const replay = async (): Promise<{ ticket: Ticket; replayed: boolean } | undefined> => {
        const existing = creation.keyed ? await store.get(id) : undefined;
        if (!existing) return undefined;
        creation.assertSameRequest(existing);
        return { ticket: withoutFingerprint(existing), replayed: true };
      };
      const earlier = await replay();
      if (earlier) return earlier;

      // A routed creation's claim draws the number in the same write; otherwise the number is drawn alone.
      const routed = await route(principal, input);
      const number = routed?.number ?? (await store.nextNumber());
      const at = clock.now().toISOString();
      const events: Ticket['events'] = [{ at, type: 'created', actorId: principal.id, actorName: principal.name }];
      // Routing acts for the centre: its event names no person, and says why in `reason`.
      if (routed) events.push({ at, type: 'assigned', actorId: 'routing', actorName: 'Routing', from: null, to: routed.assigneeId, reason: routed.reason });
      const ticket: StoredTicket = {
        id, number, reference: ticketReference(number),
        orgId: principal.orgId, requesterId: principal.id, requesterName: principal.name,
        ...input,
        status: 'new',
        assigneeId: routed?.assigneeId ?? null, assigneeName: routed?.assigneeId ? routed.assigneeName : null,
        ...(routed ? { assignment: { reason: routed.reason, auto: true, at } } : {}),
        createdAt: at, updatedAt: at, lastActivityAt: at,
        messageCount: 0, version: 1,
        events,
        ...creation.stamp,
      };
      if (await store.create(ticket)) return { ticket: withoutFingerprint(ticket), replayed: false };
      if (routed) await routing!.release(routed);
      // Lost the race against a concurrent retry with the same key: the winner's ticket is the answer.
      const winner = await replay();
      if (!winner) throw new Error('ticket create failed its condition but no ticket exists');
      return winner;
    },

    /** What the caller may see, filtered; by due time or creation, the first SORTED_LISTING_MAX matches sorted. */
    async list(principal: Principal, listing: TicketListing): Promise<TicketPage> {
      const { assignee, requester, createdTo, q, scope, sort, ...rest } = listing;
      const reference = q === undefined ? undefined : numberOfReference(q);
      const words = q === undefined || reference !== undefined ? undefined : q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
      const mine = !isStaff(principal) && scope === 'mine';
      const query: TicketQuery = {
        ...rest,
        assignee: assignee === 'me' ? principal.id : assignee === 'unassigned' ? 'none' : assignee,
        requesterId: mine || requester === 'me' ? principal.id : requester,
        orgId: isStaff(principal) ? undefined : principal.orgId,
        ...(createdTo ? { createdBefore: new Date(Date.parse(createdTo) + 86_400_000).toISOString() } : {}),
        ...(listing.createdFrom ? { createdFrom: new Date(Date.parse(listing.createdFrom)).toISOString() } : {}),
        ...(words?.length ? { words } : {}),
        ...(reference !== undefined ? { number: reference } : {}),
      };
      if (sort !== 'due' && sort !== 'created') return store.list(query);
      const { items } = await store.list({ ...query, cursor: undefined, limit: SORTED_LISTING_MAX });
      const now = clock.now();
      const rules = await slaRules();
      const key = sort === 'created' ? (t: Ticket) => -Date.parse(t.createdAt) : (t: Ticket) => nextDue(t, now, rules);
      return { items: items.map((t) => ({ t, k: key(t) })).sort((a, b) => a.k - b.k).slice(0, listing.limit).map(({ t }) => t) };
    },

    slaRules,

    async get(principal: Principal, idOrReference: string): Promise<{ ticket: Ticket; messages: Message[] }> {
      const id = await idOf(idOrReference);
      const found = id === undefined ? undefined : await store.getWithMessages(id);
      if (!found || (!isStaff(principal) && found.ticket.orgId !== principal.orgId)) throw problems.notFound(`No ticket ${idOrReference}.`);
      const messages = isStaff(principal) ? found.messages : found.messages.filter((m) => !m.internal);
      return { ticket: withoutFingerprint(found.ticket), messages };
    },

    async addMessage(principal: Principal, idOrReference: string, input: NewMessage, idempotencyKey?: string): Promise<{ message: Message; ticket: Ticket; replayed: boolean }> {
      if (input.internal && !isStaff(principal)) throw violation('ticket.internal-note', 'Only experts and coordinators write internal notes.');
      const { id: ticketId, status } = await visibleTicket(principal, idOrReference);
      assertMayPost(status, principal.role);
      // Messages keep no fingerprint: a retry must repeat what the stored message says.
      const said = (m: NewMessage) => ({ body: m.body, internal: m.internal, ...(m.attachmentIds?.length ? { attachmentIds: m.attachmentIds } : {}) });
      const creation = idempotentCreation('message', principal.id, idempotencyKey === undefined ? undefined : `${ticketId}\u0000${idempotencyKey}`, said(input));
      const draft: Message = {
        id: creation.id,
        ticketId,
        authorId: principal.id, authorName: principal.name, authorRole: principal.role,
        body: input.body, internal: input.internal,
        createdAt: clock.now().toISOString(),
        ...(input.attachmentIds?.length ? { attachmentIds: [...new Set(input.attachmentIds)] } : {}),
      };
      if (draft.attachmentIds) {
        if (!attachments) throw violation('attachment.unusable', 'Attachments are not available here.', { field: 'attachmentIds' });
        await attachments.link(principal, ticketId, draft.attachmentIds, draft.internal, draft.id);
      }
      let message = draft;
      const created = await store.addMessage(draft);
      if (!created) {
        const existing = await store.getMessage(ticketId, draft.id);
        creation.assertSameRequest({ requestFingerprint: existing && fingerprint(said(existing)) });
        message = existing!;
      }
      // The message is stored; now record it on the ticket. Retries of this request converge here too,
      // so a crash between the two writes is repaired by the client's retry.
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        const ticket = await visibleTicket(principal, ticketId);
        if (recordsMessage(ticket, message.id)) return { message, ticket: withoutFingerprint(ticket), replayed: !created };
        const next = applyMessage(withoutFingerprint(ticket), message, principal);
        if (await replaced(next, ticket)) {
          return { message, ticket: next, replayed: !created };
        }
        await backoff(attempt);
      }
      throw violation('busy', 'The ticket is being changed by many people at once; send the same request again.');
    },

    /**
     * A requester left after opening a suggested guide: the guide answered them. Counted once per requester,
     * guide and day, however often the page reports it, so nobody can inflate the figure.
     */
    async recordDeflection(principal: RequesterPrincipal, input: { guide: string; section?: string }): Promise<Deflection> {
      if (!isGuide(input.guide)) throw problems.invalid([{ field: 'guide', message: 'Not a guide of the knowledge base.' }]);
      const at = clock.now().toISOString();
      const deflection: Deflection = {
        id: idempotentId('deflection', principal.id, `${input.guide}\u0000${at.slice(0, 10)}`),
        at,
        orgId: principal.orgId,
        ...input,
      };
      await store.recordDeflection(deflection);
      return deflection;
    },

    /** `expectedVersion` is the version the caller saw: an internal note in between is no conflict for a requester. */
    async patch(principal: Principal, idOrReference: string, patch: TicketPatch, expectedVersion: number): Promise<Ticket> {
      return changeTicket(principal, idOrReference, patch, expectedVersion);
    },

    /** A coordinator's reassignment (an away expert's tickets): no version to match, `why` kept in the event. */
    async reassign(principal: Principal, ticketId: string, assigneeId: string | null, why: string): Promise<Ticket> {
      return changeTicket(principal, ticketId, { assigneeId }, undefined, why);
    },
  };
}

export type TicketService = ReturnType<typeof ticketService>;

/** The soonest due time of a ticket's running clocks (first response until given, then resolution); paused last. */
function nextDue(ticket: Ticket, now: Date, rules: SlaRules): number {
  const sla = computeSla(ticket, now, rules.policy, rules.calendar);
  if (sla.paused) return Number.POSITIVE_INFINITY;
  return Date.parse(ticket.firstResponseAt ? sla.resolutionDue : sla.firstResponseDue);
}
