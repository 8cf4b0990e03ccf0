/** How much mail the channel takes, and how often it answers: pure numbers and their words. */

/** The largest mail accepted (MIME-encoded, so files of about three quarters of it); SES itself takes 40 MB. */
export const DEFAULT_MAX_MAIL_BYTES = 25 * 1024 * 1024;
/** Mails one sender may have turned into messages or tickets per hour; more are refused (and answered once a day). */
export const MAILS_PER_SENDER_PER_HOUR = 30;
/** A refusal is answered at most once per sender per day: a robot that keeps writing gets one answer, not a loop. */
export const REFUSAL_REPLIES_PER_DAY = 1;
/** How long a mail being processed holds its Message-ID before another delivery of it may take over (a crash). */
export const PROCESSING_LEASE_MS = 5 * 60_000;
/** How long a processed Message-ID is remembered (redeliveries come within hours; SES retries for up to a day). */
export const MESSAGE_ID_DAYS = 30;
/** What a message body may hold (the API's limit for a message). */
export const MAX_BODY_CHARACTERS = 20_000;
export const SUBJECT_CHARACTERS = { min: 3, max: 200 } as const;

export const hourOf = (at: Date) => at.toISOString().slice(0, 13);
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
