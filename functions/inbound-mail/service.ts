import { createHash } from 'node:crypto';
import type { Attachment } from '../attachments/domain/model.ts';
import { megabytes } from '../attachments/domain/limits.ts';
import { moveLongPaste, PASTED_LOG_NAME } from '../attachments/domain/paste.ts';
import { CONTROL_CHARACTER, oneLine } from '../core/characters.ts';
import type { Clock } from '../core/clock.ts';
import type { MailChannelConfig } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { isStaff, type Principal } from '../core/principal.ts';
import { ProblemError } from '../core/problem.ts';
import { tokenOfAddress, verifyReplyToken } from '../core/reply-token.ts';
import type { Language } from '../core/locale.ts';
import type { OrganisationLanguages } from '../core/organisations.ts';
import { personLanguage } from '../core/person-language.ts';
import { principalFromUser, type UserDirectory, type UserRecord } from '../core/users.ts';
import { Violation } from '../core/violation.ts';
import type { Mailbox, OutgoingMail } from '../notify/mime.ts';
import { escapeHtml } from '../notify/templates/escape.ts';
import type { MailTransport } from '../notify/transport.ts';
import type { NewMessage, NewTicket } from '../tickets/service.ts';
import type { Message, Ticket } from '../tickets/domain/model.ts';
import { authenticated, type Verdicts } from './domain/authentication.ts';
import { automaticReason, type AutomaticReason } from './domain/automatic.ts';
import { dayOf, hourOf, MAILS_PER_SENDER_PER_HOUR, MAX_BODY_CHARACTERS, MESSAGE_ID_DAYS, PROCESSING_LEASE_MS, SUBJECT_CHARACTERS } from './domain/limits.ts';
import { refusalText, refusedFilesText, type FileRefusal, type RefusalReason, type RefusalText } from './domain/refusals.ts';
import { htmlToText } from './domain/html-to-text.ts';
import { mailTicketFields } from './domain/mail-ticket-fields.ts';
import { extractReply } from './domain/reply-text.ts';
import type { ParsedMail, ReceivedFile } from './parse.ts';
import type { InboundStore } from './store.ts';

/** How a mail reached us: SES's receipt in AWS, the SMTP session locally. */
export interface Envelope {
  /** The mail's full size in bytes. */
  size: number;
  /** The envelope's recipients (RCPT TO): which of our addresses it was sent to. */
  recipients: readonly string[];
  /** The envelope's return path (MAIL FROM); "" for the null sender `<>`. */
  mailFrom: string;
  /** SES's verdicts, or `loopback` for the local SMTP server (domain/authentication.ts). */
  authentication: Verdicts | 'loopback';
}


/** What became of a mail; `ignored` mails leave nothing in the table and get no answer. */
export type InboundOutcome =
  | { status: 'message'; ticketId: string; reference: string; messageId: string; internal: boolean; attachmentIds: string[]; refusedFiles: RefusedFile[] }
  | { status: 'ticket'; ticketId: string; reference: string; attachmentIds: string[]; refusedFiles: RefusedFile[] }
  | { status: 'duplicate' }
  | { status: 'refused'; reason: RefusalReason; answered: boolean }
  | { status: 'ignored'; reason: 'not-for-us' | 'no-sender' | 'unauthenticated' | 'unknown-sender' | 'staff-to-support' | AutomaticReason };

export interface RefusedFile {
  filename: string;
  reason: FileRefusal;
}

/** What the channel needs of tickets and attachments: their own services, so mail passes every rule the API does. */
export interface InboundTickets {
  create(principal: Principal & { role: 'requester' }, input: NewTicket, idempotencyKey?: string): Promise<{ ticket: Ticket }>;
  get(principal: Principal, idOrReference: string): Promise<{ ticket: Ticket }>;
  addMessage(principal: Principal, idOrReference: string, input: NewMessage, idempotencyKey?: string): Promise<{ message: Message }>;
}

export interface InboundAttachments {
  receive(principal: Principal, ticketId: string, file: { filename: string; bytes: Uint8Array; contentType?: string; internal: boolean }): Promise<Attachment>;
}

export interface InboundMailDeps {
  store: InboundStore;
  users: UserDirectory;
  tickets: InboundTickets;
  attachments: InboundAttachments;
  /** How answers leave (the notifier's transport: SES in AWS, the outbox locally). */
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  channel: MailChannelConfig;
  /** Who our answers come from (the notifier's sender); also one of our own addresses. */
  sender: Mailbox;
  maxMailBytes: number;
  /** An organisation's default language: answers go in the sender's language as the notifier's mails do. */
  organisationLanguage?: OrganisationLanguages;
}

const DAY_SECONDS = 86_400;

const digestOf = (value: string | Uint8Array) => createHash('sha256').update(value).digest('hex').slice(0, 40);
const CONTROLS = new RegExp(CONTROL_CHARACTER.source, 'g');
/**
 * A message body as the API would take it (no control characters, within the message limit) and the files it
 * brings: a text over the limit goes whole into `pasted-log.txt`, as the web form offers, instead of being cut
 * (which lost the rest without a word, and could split a surrogate pair into text the API refuses).
 */
function bodyOf(text: string): { body: string; files: ReceivedFile[] } {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
  const moved = moveLongPaste(clean, undefined, MAX_BODY_CHARACTERS);
  if (!moved) return { body: clean, files: [] };
  return { body: moved.body, files: [{ filename: PASTED_LOG_NAME, contentType: 'text/plain', bytes: new TextEncoder().encode(moved.file) }] };
}

function ticketSubject(subject: string): string {
  const line = oneLine(subject).replace(/^((re|aw|fw|fwd|tr|rv|r|i):\s*)+/i, '').slice(0, SUBJECT_CHARACTERS.max);
  return line.length >= SUBJECT_CHARACTERS.min ? line : '(no subject)';
}

/**
 * Why the attachments refused a file, as one of the answer's reasons (the answer is in the sender's language, the
 * attachments' sentences are English): the field a declared file failed on, the per-ticket limit, or its content.
 */
function refusalOf(error: unknown, file: ReceivedFile): FileRefusal {
  if (error instanceof Violation) return error.code === 'attachment.limit' ? 'ticket-limit' : error.code === 'attachment.refused' ? 'content' : 'other';
  if (error instanceof ProblemError) {
    const field = error.problem.errors?.[0]?.field;
    if (field === 'filename') return 'kind';
    if (field === 'size') return file.bytes.length === 0 ? 'empty' : 'size';
    return 'other';
  }
  throw error;
}

export function inboundMailService(deps: InboundMailDeps) {
  const { store, users, tickets, attachments, transport, clock, logger, channel, sender } = deps;
  const supportAddress = `${channel.localPart}@${channel.domain}`;
  const isOwnAddress = (address: string) => {
    const bare = address.toLowerCase();
    return bare === sender.address.toLowerCase() || bare === supportAddress || (bare.startsWith(`${channel.localPart}+`) && bare.endsWith(`@${channel.domain}`));
  };

  /** The first of our addresses the mail was sent to: a reply address (its token) before the plain support address. */
  function targetOf(recipients: readonly string[]): { token?: string } | undefined {
    for (const recipient of recipients) {
      const token = tokenOfAddress(recipient, channel);
      if (token) return { token };
    }
    return recipients.some((r) => r.trim().toLowerCase() === supportAddress) ? {} : undefined;
  }

  /** The language the notifier writes this person in (their own, their organisation's, English). */
  const languageOf = (user: UserRecord): Promise<Language> => personLanguage(user, deps.organisationLanguage);

  async function send(to: UserRecord, content: RefusalText, lang: Language, now: Date): Promise<void> {
    const mail: OutgoingMail = {
      from: sender, to: { address: to.email, name: to.name }, subject: content.subject, text: content.text,
      html: `<!doctype html><html lang="${lang}"><body><pre style="white-space:pre-wrap;font-family:system-ui,sans-serif">${escapeHtml(content.text)}</pre></body></html>`,
      // On the sender's domain, as the notifier's (RFC 5322: ids on a domain of our own).
      attachments: [], messageId: `${digestOf(`${to.id}\u0000${content.subject}\u0000${now.toISOString()}`)}@${sender.address.split('@')[1] ?? 'localhost'}`, date: now,
    };
    await transport.send(mail);
  }

  /** Nothing is written but the day's answer marker; one polite answer per sender per day, whatever the reason. */
  async function refuse(user: UserRecord, reason: RefusalReason, parsed: ParsedMail, now: Date, logged: Record<string, unknown> = {}, rule?: string): Promise<InboundOutcome> {
    const answered = await store.claimRefusalAnswer(user.email.toLowerCase(), dayOf(now), Math.floor(now.getTime() / 1000) + 2 * DAY_SECONDS);
    if (answered) {
      const lang = await languageOf(user);
      await send(user, refusalText(reason, lang, { name: user.name, subject: oneLine(parsed.subject), supportAddress, maxSize: megabytes(deps.maxMailBytes), rule }), lang, now);
    }
    logger.warn('inbound mail refused', { reason, ...logged, userId: user.id, answered });
    return { status: 'refused', reason, answered };
  }

  function ignore(reason: Extract<InboundOutcome, { status: 'ignored' }>['reason'], logged: Record<string, unknown> = {}): InboundOutcome {
    logger.info('inbound mail ignored', { reason, ...logged });
    return { status: 'ignored', reason };
  }

  /** Each file through the attachments' own checks (kind, size, per-ticket limits); a refused one is reported, not fatal. */
  async function receiveFiles(principal: Principal, ticketId: string, files: ReceivedFile[], internal: boolean) {
    const attachmentIds: string[] = [];
    const refusedFiles: RefusedFile[] = [];
    for (const file of files) {
      try {
        attachmentIds.push((await attachments.receive(principal, ticketId, { filename: file.filename, bytes: file.bytes, contentType: file.contentType, internal })).id);
      } catch (error) {
        refusedFiles.push({ filename: file.filename, reason: refusalOf(error, file) });
      }
    }
    return { attachmentIds, refusedFiles };
  }

  /** undefined: nothing to add (no text, and no file that passed). */
  async function addReply(principal: Principal, ticketNumber: number, internal: boolean, parsed: ParsedMail, key: string): Promise<InboundOutcome | undefined> {
    const { ticket } = await tickets.get(principal, String(ticketNumber));
    const { body: text, files: pasted } = bodyOf(extractReply({ text: parsed.text, html: parsed.html }));
    const { attachmentIds, refusedFiles } = await receiveFiles(principal, ticket.id, [...pasted, ...parsed.files], internal);
    const body = text || (attachmentIds.length ? '(files sent by e-mail)' : '');
    if (!body) return undefined;
    const { message } = await tickets.addMessage(principal, ticket.id, { body, internal, ...(attachmentIds.length ? { attachmentIds } : {}) }, key);
    return { status: 'message', ticketId: ticket.id, reference: ticket.reference, messageId: message.id, internal, attachmentIds, refusedFiles };
  }

  async function openTicket(principal: Principal & { role: 'requester' }, parsed: ParsedMail, key: string): Promise<InboundOutcome> {
    // A new ticket keeps all its text (a forwarded error is the question); only a reply loses its quoted history.
    const text = parsed.text ?? htmlToText(parsed.html ?? '', { keepHistory: true });
    const { body, files: pasted } = bodyOf(text);
    const subject = ticketSubject(parsed.subject);
    // What the web form asks (category, system) is guessed from the mail's words, so routing finds the expert the
    // form would; an unclear mail stays `other`, for the coordinators to sort. A long log is read as far as a
    // message goes (the words of the question come first; a megabyte of log would only cost time).
    const fields = mailTicketFields(subject, text.slice(0, MAX_BODY_CHARACTERS));
    const { ticket } = await tickets.create(principal, { subject, body: body || '(sent by e-mail without text)', ...fields, priority: 'normal' }, key);
    const { attachmentIds, refusedFiles } = await receiveFiles(principal, ticket.id, [...pasted, ...parsed.files], false);
    return { status: 'ticket', ticketId: ticket.id, reference: ticket.reference, attachmentIds, refusedFiles };
  }

  return {
    /** The channel's addresses and signing settings (the local server and tests sign reply addresses with them). */
    channel,

    /**
     * One received mail → its outcome. Every check that can refuse comes before the first write, so a refused or
     * ignored mail leaves at most the day's answer marker; the Message-ID is claimed by one conditional write, so
     * a mail delivered twice makes one message.
     */
    maxMailBytes: deps.maxMailBytes,

    /** One mail, parsed (receive.ts: by the local SMTP server, or in AWS by the parsing function) → its outcome. */
    async process(mail: Envelope, parsed: ParsedMail): Promise<InboundOutcome> {
      const now = clock.now();
      const oversized = mail.size > deps.maxMailBytes;
      const target = targetOf(mail.recipients);
      if (!target) return ignore('not-for-us');
      const from = parsed.from?.address;
      if (!from) return ignore('no-sender');
      const automatic = automaticReason({ header: (name) => parsed.headers[name], from, mailFrom: mail.mailFrom, contentType: parsed.contentType, subject: parsed.subject }, isOwnAddress);
      if (automatic) return ignore(automatic);
      if (!authenticated(mail.authentication, { from, mailFrom: mail.mailFrom })) return ignore('unauthenticated', { domain: from.split('@')[1] });
      const user = await users.findByEmail(from);
      let principal: Principal | undefined;
      try {
        principal = user && principalFromUser(user);
      } catch {
        principal = undefined;
      }
      if (!user || !principal) return ignore('unknown-sender', { domain: from.split('@')[1] });
      if (oversized) return refuse(user, 'oversized', parsed, now, { size: mail.size });

      let reply: { ticketNumber: number; internal: boolean } | undefined;
      if (target.token) {
        const check = verifyReplyToken(target.token, user.id, channel.tokenSecret, now);
        if (!check.ok) return refuse(user, 'reply-address', parsed, now, { token: check.reason });
        const notBefore = await store.tokensNotBefore(user.id);
        if (notBefore && check.claims.issuedAt.getTime() <= Date.parse(notBefore)) return refuse(user, 'reply-address', parsed, now, { token: 'withdrawn' });
        if (check.claims.kind === 'note' && !isStaff(principal)) return refuse(user, 'internal-note', parsed, now);
        reply = { ticketNumber: check.claims.ticketNumber, internal: check.claims.kind === 'note' };
      } else if (principal.role !== 'requester') {
        return ignore('staff-to-support', { userId: user.id });
      }

      const messageKey = parsed.messageId ?? `sha256:${parsed.fingerprint}`;
      const digest = digestOf(messageKey);
      const expiresAt = Math.floor(now.getTime() / 1000) + MESSAGE_ID_DAYS * DAY_SECONDS;
      if (!(await store.claimMail(digest, now, new Date(now.getTime() + PROCESSING_LEASE_MS), expiresAt))) {
        logger.info('inbound mail duplicate', { userId: user.id });
        return { status: 'duplicate' };
      }
      const finish = async (outcome: InboundOutcome) => {
        await store.finishMail(digest, outcome.status === 'refused' ? `refused:${outcome.reason}` : outcome.status, clock.now());
        return outcome;
      };
      if (!(await store.countSender(from, hourOf(now), MAILS_PER_SENDER_PER_HOUR, Math.floor(now.getTime() / 1000) + 2 * 3600))) {
        return finish(await refuse(user, 'rate-limited', parsed, now));
      }
      // The idempotency key makes the message (or ticket) itself one per Message-ID, also when a crash let a
      // later delivery take the mail over.
      const key = `mail:${messageKey}`;
      let outcome: InboundOutcome | undefined;
      try {
        outcome = reply
          ? await addReply(principal, reply.ticketNumber, reply.internal, parsed, key)
          : await openTicket(principal as Principal & { role: 'requester' }, parsed, key);
      } catch (error) {
        if (error instanceof ProblemError && error.problem.status === 404) return finish(await refuse(user, 'reply-address', parsed, now, { token: 'no-ticket' }));
        if (!(error instanceof Violation)) throw error;
        return finish(await refuse(user, 'not-accepted', parsed, now, { rule: error.code }, error.code));
      }
      if (!outcome) return finish(await refuse(user, 'empty', parsed, now));
      logger.info('inbound mail accepted', { status: outcome.status, userId: user.id, files: 'attachmentIds' in outcome ? outcome.attachmentIds.length : 0 });
      if ((outcome.status === 'ticket' || outcome.status === 'message') && outcome.refusedFiles.length) {
        const lang = await languageOf(user);
        await send(user, refusedFilesText(lang, { name: user.name, reference: outcome.reference, refused: outcome.refusedFiles }), lang, now);
      }
      return finish(outcome);
    },
  };
}

export type InboundMailService = ReturnType<typeof inboundMailService>;
