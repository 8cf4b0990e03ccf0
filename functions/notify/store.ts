import type { Mailbox } from './mime.ts';
import type { NotificationKind, Preferences } from './domain/kinds.ts';
import type { Notice } from './domain/notice.ts';

/**
 * sending: claimed, the provider is being called. sent: accepted by the provider. failed: the last attempt
 * failed, another is owed. parked: given up after its attempts, or in doubt after a crash; waits for a
 * coordinator. queued: a coordinator asked for it to be sent again.
 */
export type DeliveryState = 'sending' | 'sent' | 'failed' | 'parked' | 'queued';

/** The delivery marker: one item per (event, recipient), the record that makes every e-mail happen at most once. */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  recipientId: string;
  to: Mailbox;
  /** The recipient's language and zone when the delivery was claimed: a retry writes the same mail. */
  lang?: string;
  timeZone?: string;
  kind: NotificationKind;
  mandatory: boolean;
  notice: Notice;
  state: DeliveryState;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  providerMessageId?: string;
  lastError?: string;
  parkedReason?: 'failed' | 'in-doubt';
}

export type NewDelivery = Pick<DeliveryRecord, 'id' | 'eventId' | 'recipientId' | 'to' | 'lang' | 'timeZone' | 'kind' | 'mandatory' | 'notice'>;

export type RequeueOutcome = 'queued' | 'not-parked' | 'unknown';

/** The notifier's storage port; the DynamoDB adapter is the one implementation, in AWS and locally. */
export interface NotifyStore {
  /** Takes the delivery for sending by creating its marker; undefined when the marker exists (in any state). */
  claim(delivery: NewDelivery, at: string, expiresAt: number): Promise<DeliveryRecord | undefined>;
  /** Takes a failed or queued delivery for sending again (the sweep); undefined when it is no longer in that state. */
  claimForRetry(id: string, at: string): Promise<DeliveryRecord | undefined>;
  markSent(id: string, at: string, providerMessageId: string): Promise<void>;
  markFailed(id: string, at: string, error: string, park: boolean): Promise<void>;
  /** Parks a delivery still `sending` since before `claimedBefore` (the sender stopped mid-way): false if it moved on. */
  parkInDoubt(id: string, at: string, claimedBefore: string): Promise<boolean>;
  requeue(id: string, at: string): Promise<RequeueOutcome>;
  get(id: string): Promise<DeliveryRecord | undefined>;
  listParked(limit: number, cursor?: string): Promise<{ items: DeliveryRecord[]; cursor?: string }>;
  /** Failed deliveries last tried before `failedBefore`, and every queued one. */
  listRetryable(failedBefore: string, limit: number): Promise<DeliveryRecord[]>;
  /** Deliveries claimed before `before` and still `sending`. */
  listStaleSending(before: string, limit: number): Promise<DeliveryRecord[]>;

  /**
   * The recipients of an event whose audience depends on when it is derived (an escalation: the assignee may
   * change): the first caller's list is kept and returned to every later one.
   */
  fixAudience(eventId: string, recipientIds: string[], expiresAt: number): Promise<string[]>;

  getPreferences(userId: string): Promise<Preferences>;
  putPreferences(userId: string, preferences: Preferences, at: string): Promise<void>;
  /** Users following new tickets of a category (their preferences remain the truth). */
  followers(category: string): Promise<string[]>;
}
