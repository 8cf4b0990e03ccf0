import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket, validTicket } from '../support/tickets.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

async function ticketsOfOrg(orgId: string): Promise<Array<Record<string, unknown>>> {
  const { Items = [] } = await stack.server.db.send(new QueryCommand({
    TableName: stack.server.tableName, IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `ORG#${orgId}#TICKETS` },
  }));
  return Items;
}

describe('concurrent writers', () => {
  it('20 parallel PATCHes with one If-Match: one succeeds, 19 get 412, the item stays consistent', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const etag = `"v${ticket.version}"`;
    const priorities = ['low', 'high', 'urgent'];
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: i % 2 ? AS.ana : AS.coord, body: { priority: priorities[i % 3] }, headers: { 'if-match': etag } })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = await responses.find((r) => r.status === 200)!.json();
    const stored = await (await stack.call('GET', `/api/tickets/${ticket.id}?include=events`, { as: AS.coord })).json();
    expect(stored.version).toBe(ticket.version + 1);
    expect(stored.priority).toBe(winner.priority);
    expect(stored.events.filter((e: { type: string }) => e.type === 'priority')).toHaveLength(1);
  });

  it('20 parallel creates with one Idempotency-Key: one ticket, every answer names it', async () => {
    const before = (await ticketsOfOrg('basalt-labs')).length;
    const responses = await Promise.all(Array.from({ length: 20 }, () =>
      stack.call('POST', '/api/tickets', { as: AS.lea, body: { ...validTicket, subject: 'Idempotent create' }, headers: { 'idempotency-key': 'create-once-1' } })));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect((await ticketsOfOrg('basalt-labs')).length).toBe(before + 1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
  });

  it('refuses an Idempotency-Key reused for a different ticket', async () => {
    const first = await stack.call('POST', '/api/tickets', { as: AS.lea, body: validTicket, headers: { 'idempotency-key': 'reuse-1' } });
    expect(first.status).toBe(201);
    const second = await stack.call('POST', '/api/tickets', { as: AS.lea, body: { ...validTicket, subject: 'Something else' }, headers: { 'idempotency-key': 'reuse-1' } });
    expect(second.status).toBe(422);
  });

  it('20 parallel replies all land, each recorded once on the ticket', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: i % 2 ? AS.maria : AS.ana, body: { body: `reply ${i}` } })));
    expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const stored = await (await stack.call('GET', `/api/tickets/${ticket.id}?include=events`, { as: AS.coord })).json();
    expect(stored.messages).toHaveLength(20);
    expect(stored.messageCount).toBe(20);
    expect(stored.events.filter((e: { type: string }) => e.type === 'reply')).toHaveLength(20);
  });

  it('a retried reply with the same Idempotency-Key posts one message', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const send = () => stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'retry me' }, headers: { 'idempotency-key': 'reply-1' } });
    const responses = await Promise.all([send(), send(), send()]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const stored = await (await stack.call('GET', `/api/tickets/${ticket.id}`, { as: AS.maria })).json();
    expect(stored.messages).toHaveLength(1);
    expect(stored.messageCount).toBe(1);
  });
});
