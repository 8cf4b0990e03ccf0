import type { Clock } from '../core/clock.ts';
import { idempotentCreation } from '../core/idempotency.ts';
import { fingerprint, idempotentId } from '../core/ids.ts';
import { isStaff, type Principal, type RequesterPrincipal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { isTopicId } from '../core/topics.ts';
import type { UserDirectory } from '../core/users.ts';
import { violation } from '../core/violation.ts';
import { serviceFigures, type Deflection, type ServiceFigures } from './domain/figures.ts';
import { assertMayPost } from './domain/state.ts';
import { applyMessage, applyPatch, recordsMessage, type TicketPatch } from './domain/changes.ts';
import { ticketReference, type Message, type Ticket } from './domain/model.ts';
import { versionSeenBy } from './domain/visibility.ts';
import type { StoredTicket, TicketPage, TicketQuery, TicketStore } from './store.ts';

export interface TicketDeps {
  store: TicketStore;
  users: UserDirectory;
  clock: Clock;
  /** Whether a guide with this slug is published (the topics by default; the local server asks its built site). */
  isGuide?: (slug: string) => boolean;
  /** Checks and links the files a message carries (functions/attachments implements it). */
  attachments?: MessageAttachments;
}

/** The attachments a message names: refused (a violation) unless each may go with it; then linked to it. */
export interface MessageAttachments {
  link(author: Principal, ticketId: string, attachmentIds: readonly string[], internal: boolean, messageId: string): Promise<void>;
}

export type NewTicket = Pick<Ticket, 'subject' | 'body' | 'category' | 'priority' | 'system' | 'projectId' | 'jobId'>;

export interface NewMessage {
  body: string;
  internal: boolean;
  attachmentIds?: string[];
}

const MAX_UPDATE_ATTEMPTS = 30;

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

export function ticketService({ store, users, clock, isGuide = isTopicId, attachments }: TicketDeps) {
  /** The ticket if the caller may see it; another organisation's ticket is "not found", never "forbidden". */
  async function visibleTicket(principal: Principal, id: string): Promise<StoredTicket> {
    const ticket = await store.get(id);
    if (!ticket || (!isStaff(principal) && ticket.orgId !== principal.orgId)) throw problems.notFound(`No ticket ${id}.`);
    return ticket;
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

      const number = await store.nextNumber();
      const at = clock.now().toISOString();
      const ticket: StoredTicket = {
        id, number, reference: ticketReference(number),
        orgId: principal.orgId, requesterId: principal.id, requesterName: principal.name,
        ...input,
        status: 'new', assigneeId: null, assigneeName: null,
        createdAt: at, updatedAt: at, lastActivityAt: at,
        messageCount: 0, version: 1,
        events: [{ at, type: 'created', actorId: principal.id, actorName: principal.name }],
        ...creation.stamp,
      };
      if (await store.create(ticket)) return { ticket: withoutFingerprint(ticket), replayed: false };
      // Lost the race against a concurrent retry with the same key: the winner's ticket is the answer.
      const winner = await replay();
      if (!winner) throw new Error('ticket create failed its condition but no ticket exists');
      return winner;
    },

    async list(principal: Principal, query: TicketQuery): Promise<TicketPage> {
      const assignee = query.assignee === 'me' ? principal.id : query.assignee === 'unassigned' ? 'none' : query.assignee;
      return store.list({ ...query, assignee, orgId: isStaff(principal) ? undefined : principal.orgId });
    },

    async get(principal: Principal, id: string): Promise<{ ticket: Ticket; messages: Message[] }> {
      const found = await store.getWithMessages(id);
      if (!found || (!isStaff(principal) && found.ticket.orgId !== principal.orgId)) throw problems.notFound(`No ticket ${id}.`);
      const messages = isStaff(principal) ? found.messages : found.messages.filter((m) => !m.internal);
      return { ticket: withoutFingerprint(found.ticket), messages };
    },

    async addMessage(principal: Principal, ticketId: string, input: NewMessage, idempotencyKey?: string): Promise<{ message: Message; ticket: Ticket; replayed: boolean }> {
      if (input.internal && !isStaff(principal)) throw violation('ticket.internal-note', 'Only experts and coordinators write internal notes.');
      assertMayPost((await visibleTicket(principal, ticketId)).status, principal.role);
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
        if (await store.replace(keepFingerprint(next, ticket), ticket.version)) {
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

    async figures(windowDays: number): Promise<ServiceFigures> {
      const now = clock.now();
      const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
      const [tickets, deflections] = await Promise.all([store.listForFigures(since), store.listDeflectionsSince(since)]);
      return serviceFigures(tickets, deflections, now, windowDays);
    },

    /** `expectedVersion` is the version the caller saw: an internal note in between is no conflict for a requester. */
    async patch(principal: Principal, ticketId: string, patch: TicketPatch, expectedVersion: number): Promise<Ticket> {
      const assignee = patch.assigneeId ? await users.get(patch.assigneeId) : undefined;
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        const ticket = await visibleTicket(principal, ticketId);
        if (versionSeenBy(ticket, principal) !== expectedVersion) throw problems.preconditionFailed('The ticket changed since you read it; reload it.');
        const next = applyPatch(withoutFingerprint(ticket), patch, principal, assignee, clock.now().toISOString());
        if (next.version === ticket.version || (await store.replace(keepFingerprint(next, ticket), ticket.version))) return next;
        await backoff(attempt);
      }
      throw violation('busy', 'The ticket is being changed by many people at once; send the same request again.');
    },
  };
}

export type TicketService = ReturnType<typeof ticketService>;
