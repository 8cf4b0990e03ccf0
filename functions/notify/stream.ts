import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { bookingEvents } from './domain/booking-events.ts';
import type { DomainEvent } from './domain/events.ts';
import { ticketEvents } from './domain/ticket-events.ts';
import type { Notifier } from './deliver.ts';
import { bookingFacts, isBookingItem, isTicketItem, ticketFacts } from './facts.ts';

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
 * Handles a batch in order. On the first record not fully handled it reports that record and every later one
 * (Lambda then retries from there); the markers make the records already handled harmless to see again.
 */
export async function handleStreamBatch(records: StreamRecord[], notify: Notifier, onError: (error: unknown) => void = () => {}): Promise<StreamBatchResponse> {
  for (const [index, record] of records.entries()) {
    let settled: boolean;
    try {
      settled = (await notify.handle(eventsOfRecord(record))).settled;
    } catch (error) {
      onError(error);
      settled = false;
    }
    if (!settled) {
      return {
        batchItemFailures: records.slice(index).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })).filter((f) => f.itemIdentifier),
      };
    }
  }
  return { batchItemFailures: [] };
}
