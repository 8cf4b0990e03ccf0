import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isBookingItem } from '../bookings/keys.ts';
import { isTicketItem } from '../tickets/keys.ts';
import { handToAll, type EventConsumer } from './consumer.ts';
import { bookingEvents } from './domain/booking-events.ts';
import type { DomainEvent } from './domain/events.ts';
import { ticketEvents } from './domain/ticket-events.ts';
import { bookingFacts, ticketFacts } from './facts.ts';

/** The parts of a DynamoDB stream record (Lambda event source, NEW_AND_OLD_IMAGES) this handler reads. */
export interface StreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: {
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
}

export interface StreamBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

const image = (value: Record<string, AttributeValue> | undefined) => (value ? unmarshall(value) : undefined);

/** The domain events one table change means (pure): ticket audit entries added, booking states reached. */
export function eventsOfRecord(record: StreamRecord): DomainEvent[] {
  const previous = image(record.dynamodb?.OldImage);
  const next = image(record.dynamodb?.NewImage);
  if (!next) return [];
  if (isTicketItem(next)) return ticketEvents(previous && ticketFacts(previous), ticketFacts(next));
  if (isBookingItem(next)) return bookingEvents(previous && bookingFacts(previous), bookingFacts(next));
  return [];
}

/**
 * Hands each record's events to every consumer, in order. A record whose handling throws (DynamoDB unreachable,
 * a bug) is reported with every later one (Lambda retries from there, then hands the batch to the on-failure
 * destination); consumers are idempotent, so the records and consumers already handled are harmless to see
 * again. A consumer decides what is worth failing a record for: notify does not fail one for an e-mail outage,
 * since Lambda retries a stream record at once and holds back its whole shard meanwhile (see notify/README.md).
 */
export async function handleStreamBatch(records: StreamRecord[], consumers: readonly EventConsumer[], onError: (error: unknown) => void = () => {}): Promise<StreamBatchResponse> {
  for (const [index, record] of records.entries()) {
    try {
      const events = eventsOfRecord(record);
      if (events.length) await handToAll(consumers, events);
    } catch (error) {
      onError(error);
      return {
        batchItemFailures: records.slice(index).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })).filter((f) => f.itemIdentifier),
      };
    }
  }
  return { batchItemFailures: [] };
}
