import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamoAttachmentStore } from '../../functions/attachments/dynamo-store.ts';
import { MAX_FILES_PER_TICKET } from '../../functions/attachments/domain/limits.ts';
import type { Attachment } from '../../functions/attachments/domain/model.ts';
import { COMPLETION_GRACE_MS, reclaimSteps } from '../../functions/attachments/domain/slots.ts';
import { attachmentCounterKey, attachmentKey } from '../../functions/attachments/keys.ts';
import { UPLOAD_WINDOW_MS } from '../../functions/attachments/service.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { injectFaults, type FaultLayer } from '../support/faults.ts';
import { attachmentProblems, scanTable } from '../support/invariants.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';
import { announce, attach, sendBytes } from './support.ts';

// Abandoned uploads give their slots back (functions/attachments/domain/slots.ts): whether their pending item is
// still there (locally nothing deletes it) or DynamoDB's TTL deleted it, each slot exactly once.
const clock = fixedClock(new Date());
let stack: TestStack;
let faults: FaultLayer;
beforeAll(async () => {
  stack = await startTestStack({ seed: true, clock, instrumentDb: (db) => { faults = injectFaults(db, { seed: 16 }); } });
});
afterAll(async () => { await stack?.close(); });
// After each test the counters equal their reservations and every complete file holds its slot.
afterEach(async () => { expect(attachmentProblems(await scanTable(stack.server.db, stack.server.tableName))).toEqual([]); });
beforeEach(() => { clock.set(new Date()); });

const PAST_DEADLINE = UPLOAD_WINDOW_MS + COMPLETION_GRACE_MS + 1000;
const store = () => dynamoAttachmentStore(stack.server.db, stack.server.tableName);
const counter = async (ticketId: string) => (await stack.server.db.send(new GetCommand({ TableName: stack.server.tableName, Key: attachmentCounterKey(ticketId), ConsistentRead: true }))).Item!;
const announceMany = (ticketId: string, count: number, size = 10) => Promise.all(Array.from({ length: count }, (_, i) => announce(stack, ticketId, AS.maria, { filename: `f${i}.log`, size })));
/** DynamoDB's TTL deleting an item (it does so without any condition or any other write). */
const ttlDelete = (ticketId: string, id: string) => stack.server.db.send(new DeleteCommand({ TableName: stack.server.tableName, Key: attachmentKey(ticketId, id) }));

describe('abandoned uploads give their slots back', () => {
  it('after the deadline, whether TTL deleted the pending item or not; a completed file keeps its slot', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { id: kept, complete } = await attach(stack, ticket.id, AS.maria, 'kept.log', 'rank 0 ready\n');
    expect(complete.status).toBe(200);
    const abandoned = await Promise.all((await announceMany(ticket.id, MAX_FILES_PER_TICKET - 1)).map(async (r) => (await r.json()).id as string));
    expect((await (await announce(stack, ticket.id, AS.maria, { filename: 'full.log', size: 10 })).json()).code).toBe('attachment.limit');

    // Within the grace after the links expired an upload may still be arriving: nothing is reclaimed yet.
    clock.advance(UPLOAD_WINDOW_MS + COMPLETION_GRACE_MS - 1000);
    expect((await announce(stack, ticket.id, AS.maria, { filename: 'early.log', size: 10 })).status).toBe(422);

    clock.advance(2000);
    for (const id of abandoned.slice(0, 10)) await ttlDelete(ticket.id, id);
    const again = await announceMany(ticket.id, MAX_FILES_PER_TICKET);
    expect(again.filter((r) => r.status === 201)).toHaveLength(MAX_FILES_PER_TICKET - 1);
    expect(await counter(ticket.id)).toMatchObject({ files: MAX_FILES_PER_TICKET, bytes: 13 + (MAX_FILES_PER_TICKET - 1) * 10 });
    // The completed file is still there, downloadable; the abandoned ones left no item behind.
    expect((await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${kept}`, { as: AS.maria })).status).toBe(200);
    expect(await Promise.all(abandoned.map((id) => store().get(ticket.id, id)))).toEqual(abandoned.map(() => undefined));
  }, 30_000);

  it('an upload completed after its deadline is refused, and its slot is not taken twice', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const created = await (await announce(stack, ticket.id, AS.maria, { filename: 'late.log', size: 5 })).json();
    expect((await sendBytes(created.upload, new TextEncoder().encode('late\n'))).status).toBe(204);
    clock.advance(PAST_DEADLINE);
    const late = await stack.call('POST', `/api/tickets/${ticket.id}/attachments/${created.id}/complete`, { as: AS.maria });
    expect(late.status).toBe(409);
    expect((await late.json()).code).toBe('attachment.expired');
    expect(await counter(ticket.id)).toMatchObject({ files: 0, bytes: 0 });
  });

  it('a completion that came first keeps the slot against a reclaim; a reclaim that came first fails the completion', async () => {
    const ticket = await openTicket(stack, AS.maria);
    await expect(store().reserve(ticket.id, { id: 'held', size: 7, until: '2000-01-01T00:00:00.000Z' })).resolves.toBe(true);
    await expect(store().reserve(ticket.id, { id: 'lost', size: 9, until: '2000-01-01T00:00:00.000Z' })).resolves.toBe(true);
    const now = new Date().toISOString();
    await expect(store().hold(ticket.id, 'held')).resolves.toBe(true);
    await expect(store().release(ticket.id, { id: 'held', size: 7 }, 'pending', now)).resolves.toBe(false);
    await expect(store().release(ticket.id, { id: 'lost', size: 9 }, 'pending', now)).resolves.toBe(true);
    await expect(store().hold(ticket.id, 'lost')).resolves.toBe(false);
    expect(await store().reservations(ticket.id)).toEqual([{ id: 'held', size: 7 }]);
    expect(await counter(ticket.id)).toMatchObject({ files: 1, bytes: 7 });
    // Held: given back only as a held one (a complete file removed), once.
    await expect(store().release(ticket.id, { id: 'held', size: 7 }, 'held')).resolves.toBe(true);
    await expect(store().release(ticket.id, { id: 'held', size: 7 }, 'held')).resolves.toBe(false);
    expect(await counter(ticket.id)).toMatchObject({ files: 0, bytes: 0 });
  });
});

describe('a slot is given back once', () => {
  it('when the release is sent twice, or its first answer is lost and the SDK sends it again', async () => {
    const ticket = await openTicket(stack, AS.maria);
    for (const id of ['a', 'b']) await store().reserve(ticket.id, { id, size: 100, until: '2000-01-01T00:00:00.000Z' });
    await expect(store().release(ticket.id, { id: 'a', size: 100 }, 'pending')).resolves.toBe(true);
    await expect(store().release(ticket.id, { id: 'a', size: 100 }, 'pending')).resolves.toBe(false);
    await expect(store().release(ticket.id, { id: 'a', size: 100 }, 'held')).resolves.toBe(false);
    expect(await counter(ticket.id)).toMatchObject({ files: 1, bytes: 100 });

    // The write lands, its answer is lost, the SDK's retry meets its own change: recognised, counted once.
    faults.force('unknown-outcome', 1, (attempt) => attempt.command === 'UpdateItemCommand' && /^REMOVE/.test(attempt.input.UpdateExpression));
    await expect(store().release(ticket.id, { id: 'b', size: 100 }, 'pending')).resolves.toBe(true);
    expect(faults.injected['unknown-outcome']).toBeGreaterThan(0);
    expect(await counter(ticket.id)).toMatchObject({ files: 0, bytes: 0 });
  });

  it('when uploads race for the slots of abandoned ones: every slot goes to one of them', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await announceMany(ticket.id, MAX_FILES_PER_TICKET)).every((r) => r.status === 201)).toBe(true);
    clock.advance(PAST_DEADLINE);
    const racing = await announceMany(ticket.id, MAX_FILES_PER_TICKET + 5);
    expect(racing.filter((r) => r.status === 201)).toHaveLength(MAX_FILES_PER_TICKET);
    expect(await counter(ticket.id)).toMatchObject({ files: MAX_FILES_PER_TICKET, bytes: MAX_FILES_PER_TICKET * 10 });
    expect(await store().reservations(ticket.id)).toHaveLength(MAX_FILES_PER_TICKET);
  }, 30_000);

  it('when a removal stopped half-way: the same request again, or the next reclaim, finishes it', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { id } = await attach(stack, ticket.id, AS.maria, 'job.log', 'done\n');
    const other = (await attach(stack, ticket.id, AS.maria, 'job2.log', 'done\n')).id;
    const { downloadUrl } = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${other}`, { as: AS.maria })).json();
    // Marked removed, then the process died before the slot (and the bytes) went.
    for (const half of [id, other]) await store().markRemoved(ticket.id, half, { id: 'x', name: 'X' }, new Date().toISOString());
    expect(await counter(ticket.id)).toMatchObject({ files: 2 });
    expect((await stack.call('DELETE', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.maria })).status).toBe(200);
    expect(await counter(ticket.id)).toMatchObject({ files: 1 });
    expect((await stack.call('DELETE', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.maria })).status).toBe(200);
    expect(await counter(ticket.id)).toMatchObject({ files: 1 });
    expect((await fetch(downloadUrl)).status).toBe(200);
    expect((await announceMany(ticket.id, MAX_FILES_PER_TICKET)).filter((r) => r.status === 201)).toHaveLength(MAX_FILES_PER_TICKET);
    // The reclaim gave the slot back and removed the bytes of the file removed half-way.
    expect((await fetch(downloadUrl)).status).toBe(404);
  }, 30_000);
});

describe('what to reclaim (pure)', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  const attachment = (id: string, status: Attachment['status'], uploadExpiresAt: string) => ({ id, status, uploadExpiresAt }) as Attachment;
  it('pending reservations past their deadline; held ones whose file is gone, removed or stuck pending; pending files without a reservation', () => {
    const steps = reclaimSteps([
      { id: 'fresh', size: 1, until: '2026-12-06T12:30:00.000Z' },
      { id: 'abandoned', size: 2, until: '2026-12-06T11:59:59.000Z' },
      { id: 'complete', size: 3 },
      { id: 'removed', size: 4 },
      { id: 'ttl-deleted', size: 5 },
      { id: 'stuck', size: 6 },
      { id: 'completing', size: 7 },
    ], [
      attachment('fresh', 'pending', '2026-12-06T12:15:00.000Z'),
      attachment('abandoned', 'pending', '2026-12-06T11:44:59.000Z'),
      attachment('complete', 'complete', '2026-12-06T08:00:00.000Z'),
      attachment('removed', 'removed', '2026-12-06T08:00:00.000Z'),
      attachment('stuck', 'pending', '2026-12-06T11:00:00.000Z'),
      attachment('completing', 'pending', '2026-12-06T11:50:00.000Z'),
      attachment('orphan', 'pending', '2026-12-06T11:00:00.000Z'),
      attachment('young-orphan', 'pending', '2026-12-06T11:50:00.000Z'),
    ], now);
    expect(steps).toEqual([
      { step: 'release-abandoned', reservation: { id: 'abandoned', size: 2, until: '2026-12-06T11:59:59.000Z' } },
      { step: 'release-held', reservation: { id: 'removed', size: 4 } },
      { step: 'release-held', reservation: { id: 'ttl-deleted', size: 5 } },
      { step: 'drop-then-release-held', reservation: { id: 'stuck', size: 6 } },
      { step: 'drop', attachmentId: 'orphan' },
    ]);
  });
});
