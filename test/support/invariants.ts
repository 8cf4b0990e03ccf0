/**
 * The product's storage invariants, checked on every item of the table after a run (tests under faults, the soak
 * benchmark): bookings vs claims vs allowance counters, tickets vs messages vs counts, deliveries vs events and
 * the mails really sent. Each function returns one sentence per broken invariant; none means all hold.
 * Read after the run has settled (faults off, intents finished or swept, the change feed polled).
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chargeMarker, DEFAULT_ALLOWANCE_MINUTES, quarterOf } from '../../functions/bookings/domain/quota.ts';

export type Item = Record<string, any>;

/** Every item of the table, strongly consistent. */
export async function scanTable(db: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Once every change has settled: each booked record holds exactly its slot claim and its charge marker, the
 * quarterly counters equal the sum of their markers, nothing is pending or owed, no two bookings' claims overlap.
 */
export function bookingProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const records = items.filter((i) => String(i.pk).startsWith('BOOKING#'));
  const booked = records.filter((r) => r.status === 'booked');
  const days = items.filter((i) => String(i.pk).startsWith('EXPERT#') && String(i.sk).startsWith('CLAIMS#'));
  // A session crossing midnight UTC sits in both days' items: count it once, and check each day on its own for overlaps.
  const claims = [...new Map(days.flatMap((d) => (d.intervals as any[]).map((c) => [`${d.expertId}|${c.start}|${c.bookingId}`, { ...c, expertId: d.expertId }]))).values()];
  for (const d of days) {
    const intervals = d.intervals as any[];
    intervals.forEach((a, i) => intervals.slice(i + 1).forEach((b) => {
      if (a.bookingId !== b.bookingId && a.start < b.end && b.start < a.end) problems.push(`claims ${a.start} (${a.bookingId}) and ${b.start} (${b.bookingId}) overlap`);
    }));
  }
  const usages = items.filter((i) => String(i.sk).startsWith('USAGE#'));
  for (const r of records) {
    if (r.status === 'pending' || r.move || r.release?.length) problems.push(`record ${r.id} unsettled`);
  }
  const expectedClaims = new Map(booked.map((r) => [`${r.expertId}|${r.start}`, r.id]));
  if (expectedClaims.size !== booked.length) problems.push('two booked records share a slot');
  for (const c of claims) {
    const owner = expectedClaims.get(`${c.expertId}|${c.start}`);
    if (owner !== c.bookingId) problems.push(`claim ${c.expertId} ${c.start} held by ${c.bookingId}, booked by ${owner}`);
  }
  if (claims.length !== booked.length) problems.push(`${claims.length} claims for ${booked.length} booked records`);
  for (const u of usages) {
    const markers = Object.keys(u).filter((k) => k.startsWith('charge#'));
    const sum = markers.reduce((total, k) => total + u[k].minutes, 0);
    if (sum !== u.used) problems.push(`usage ${u.pk} ${u.sk}: used ${u.used}, markers sum ${sum}`);
    const expected = booked.filter((r) => `ORG#${r.orgId}` === u.pk && `USAGE#${quarterOf(r.start)}` === u.sk).map((r) => chargeMarker(r.id, r.start));
    if (JSON.stringify([...markers].sort()) !== JSON.stringify([...expected].sort())) problems.push(`usage ${u.pk} ${u.sk}: markers ${markers} expected ${expected}`);
  }
  // The allowance is never exceeded: a quarter's counter stays within the organisation's allowance.
  const allowances = new Map(items.filter((i) => i.sk === 'ALLOWANCE').map((i) => [i.pk, Number(i.minutes)]));
  for (const u of usages) {
    const limit = allowances.get(u.pk) ?? DEFAULT_ALLOWANCE_MINUTES;
    if (u.used > limit) problems.push(`usage ${u.pk} ${u.sk}: ${u.used} minutes used of ${limit}`);
  }
  return problems;
}

/**
 * Tickets: every stored message is recorded once on its ticket and every recorded one is stored, the public and
 * internal counts match them, no two tickets share a number (no lost update, idempotent creation).
 */
export function ticketProblems(items: Item[]): string[] {
  const problems: string[] = [];
  const tickets = items.filter((i) => String(i.pk).startsWith('TICKET#') && i.sk === 'TICKET');
  const messages = items.filter((i) => String(i.pk).startsWith('TICKET#') && String(i.sk).startsWith('MSG#'));
  const numbers = new Map<number, string>();
  for (const t of tickets) {
    const other = numbers.get(t.number);
    if (other) problems.push(`tickets ${other} and ${t.id} share number ${t.number}`);
    numbers.set(t.number, t.id);
    const stored = messages.filter((m) => m.pk === t.pk);
    const recorded = (t.events as Item[]).filter((e) => e.messageId).map((e) => e.messageId as string);
    if (new Set(recorded).size !== recorded.length) problems.push(`ticket ${t.id} records a message twice`);
    for (const m of stored) if (!recorded.includes(m.id)) problems.push(`ticket ${t.id}: message ${m.id} stored but not recorded`);
    for (const id of recorded) if (!stored.some((m) => m.id === id)) problems.push(`ticket ${t.id}: message ${id} recorded but not stored`);
    const publicCount = stored.filter((m) => !m.internal).length;
    const noteCount = stored.filter((m) => m.internal).length;
    if (t.messageCount !== publicCount) problems.push(`ticket ${t.id}: messageCount ${t.messageCount}, ${publicCount} public messages`);
    if ((t.noteCount ?? 0) !== noteCount) problems.push(`ticket ${t.id}: noteCount ${t.noteCount ?? 0}, ${noteCount} notes`);
  }
  return problems;
}

/** A mail as the outbox keeps it: enough to match it to its delivery marker. */
export interface SentMail {
  messageId: string;
}

/**
 * Deliveries, once the feed and the sweep have run with faults off: each booking's current state was told to its
 * two parties (`bookingChange` cannot be turned off), no marker is left failed or parked, none left sending unless its
 * mail went out once, and every sent marker has exactly one mail (none lost, none doubled; one marker per event and
 * recipient by its key).
 */
export function deliveryProblems(items: Item[], mails: SentMail[], { since = '' }: { since?: string } = {}): string[] {
  const problems: string[] = [];
  const markers = items.filter((i) => String(i.pk).startsWith('NOTIFY#DELIVERY#'));
  const byEvent = new Map<string, Item[]>();
  for (const m of markers) byEvent.set(m.eventId, [...(byEvent.get(m.eventId) ?? []), m]);
  const sentIds = new Map<string, number>();
  for (const mail of mails) {
    const id = mail.messageId.replace(/^<|@.*$/g, '');
    sentIds.set(id, (sentIds.get(id) ?? 0) + 1);
  }
  // A marker still `sending` whose mail went out once is the one state faults may leave by design: the mail is out,
  // but recording it outlasted every retry, so the sweep parks it "in doubt" for a person (never sent twice). Neither
  // lost nor doubled; any other state, or `sending` with no mail, is.
  const inDoubtButSent = (m: Item) => m.state === 'sending' && sentIds.get(m.id) === 1;
  for (const m of markers) if (m.state !== 'sent' && !inDoubtButSent(m)) problems.push(`delivery ${m.eventId} to ${m.recipientId} is ${m.state}${m.lastError ? ` (${m.lastError})` : ''}`);
  for (const [id, count] of sentIds) if (count > 1) problems.push(`delivery ${id} mailed ${count} times`);
  for (const m of markers) if (m.state === 'sent' && !sentIds.has(m.id)) problems.push(`delivery ${m.eventId} to ${m.recipientId} marked sent, no mail`);
  for (const id of sentIds.keys()) if (!markers.some((m) => m.id === id)) problems.push(`mail ${id} without a delivery marker`);
  // Only what the change feed could see: states written since it started (the seed's are older).
  const bookings = items.filter((i) => String(i.pk).startsWith('BOOKING#') && (i.status === 'booked' || i.status === 'cancelled') && i.updatedAt >= since);
  for (const b of bookings) {
    const eventId = `B#${b.id}#${b.sequence}#${b.status}`;
    const told = new Set((byEvent.get(eventId) ?? []).map((m) => m.recipientId));
    for (const party of [b.requesterId, b.expertId]) if (!told.has(party)) problems.push(`${eventId}: ${party} not told`);
  }
  return problems;
}

/**
 * Each ticket's attachment counter equals the sum of its reservations (functions/attachments/README.md), and
 * every complete attachment holds a reservation of its size, every held reservation belongs to one.
 */
export function attachmentProblems(items: Item[]): string[] {
  const problems: string[] = [];
  for (const counter of items.filter((i) => String(i.pk).startsWith('ATTACHMENTS#') && i.sk === 'COUNTER')) {
    const reservations = Object.entries(counter).filter(([name]) => name.startsWith('R#')).map(([name, value]) => ({ id: name.slice(2), ...(value as { size: number; until?: string }) }));
    const files = reservations.length;
    const bytes = reservations.reduce((sum, r) => sum + r.size, 0);
    if (counter.files !== files || counter.bytes !== bytes) problems.push(`${counter.pk}: counter ${counter.files} files, ${counter.bytes} bytes; reservations ${files}, ${bytes}`);
    const complete = new Map(items.filter((i) => i.pk === counter.pk && String(i.sk).startsWith('ATT#') && i.status === 'complete').map((a) => [a.id as string, a]));
    for (const r of reservations.filter((x) => x.until === undefined)) {
      if (complete.get(r.id)?.size !== r.size) problems.push(`${counter.pk}: held reservation ${r.id} without a complete attachment of ${r.size} bytes`);
    }
    for (const id of complete.keys()) if (!reservations.some((r) => r.id === id && r.until === undefined)) problems.push(`${counter.pk}: complete attachment ${id} holds no slot`);
  }
  return problems;
}

/** All of them (deliveries only when the mails sent are known). */
export function invariantProblems(items: Item[], mails?: SentMail[], options: { since?: string } = {}): string[] {
  return [...bookingProblems(items), ...ticketProblems(items), ...attachmentProblems(items), ...(mails ? deliveryProblems(items, mails, options) : [])];
}
