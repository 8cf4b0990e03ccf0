import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { etagOf, openTicket, validTicket } from '../support/tickets.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const ACTORS = { anonymous: undefined, 'aurora requester': AS.jonas, 'basalt requester': AS.lea, expert: AS.ana, coordinator: AS.coord } as const;
type Actor = keyof typeof ACTORS;
type Owner = 'aurora' | 'basalt';

interface Case {
  name: string;
  /** Runs the call against a fresh ticket of `owner`. */
  call(actor: string | undefined, ticketId: string): Promise<Response>;
  expected: Record<Owner, Record<Actor, number>>;
}

const USER_IDS: Record<string, string> = { [AS.jonas]: 'u-jonas', [AS.lea]: 'u-lea', [AS.ana]: 'u-ana', [AS.coord]: 'u-coord' };

/** Makes the ticket Mikko's, as a coordinator would, whoever routing chose. */
async function holdBy(id: string, expertId: string): Promise<void> {
  const response = await stack.call('PATCH', `/api/tickets/${id}`, { as: AS.coord, body: { assigneeId: expertId }, headers: { 'if-match': await etagOf(stack, id) } });
  if (response.status !== 200) throw new Error(`could not assign ${expertId}: ${response.status}`);
}

/** A PATCH of the assignee of a ticket Mikko holds: requesters never may (403 on their organisation's, 404 on another's). */
function assigningHeldTicket(name: string, assigneeOf: (as: string | undefined) => string, staff: { expert: number; coordinator: number }): Case {
  return {
    name,
    call: async (as, id) => {
      await holdBy(id, 'u-mikko');
      return stack.call('PATCH', `/api/tickets/${id}`, { as, body: { assigneeId: assigneeOf(as) }, headers: { 'if-match': await etagOf(stack, id) } });
    },
    expected: {
      aurora: { anonymous: 401, 'aurora requester': 403, 'basalt requester': 404, ...staff },
      basalt: { anonymous: 401, 'aurora requester': 404, 'basalt requester': 403, ...staff },
    },
  };
}

const sameForBoth = (row: Record<Actor, number>) => ({ aurora: row, basalt: row });

const CASES: Case[] = [
  {
    name: 'POST /api/tickets',
    call: (as) => stack.call('POST', '/api/tickets', { as, body: validTicket }),
    expected: sameForBoth({ anonymous: 401, 'aurora requester': 201, 'basalt requester': 201, expert: 403, coordinator: 403 }),
  },
  {
    name: 'GET /api/tickets',
    call: (as) => stack.call('GET', '/api/tickets', { as }),
    expected: sameForBoth({ anonymous: 401, 'aurora requester': 200, 'basalt requester': 200, expert: 200, coordinator: 200 }),
  },
  {
    name: 'GET /api/tickets/:id',
    call: (as, id) => stack.call('GET', `/api/tickets/${id}`, { as }),
    expected: {
      aurora: { anonymous: 401, 'aurora requester': 200, 'basalt requester': 404, expert: 200, coordinator: 200 },
      basalt: { anonymous: 401, 'aurora requester': 404, 'basalt requester': 200, expert: 200, coordinator: 200 },
    },
  },
  {
    name: 'POST /api/tickets/:id/messages (public reply)',
    call: (as, id) => stack.call('POST', `/api/tickets/${id}/messages`, { as, body: { body: 'Any news?' } }),
    expected: {
      aurora: { anonymous: 401, 'aurora requester': 201, 'basalt requester': 404, expert: 201, coordinator: 201 },
      basalt: { anonymous: 401, 'aurora requester': 404, 'basalt requester': 201, expert: 201, coordinator: 201 },
    },
  },
  {
    name: 'POST /api/tickets/:id/messages (internal note)',
    call: (as, id) => stack.call('POST', `/api/tickets/${id}/messages`, { as, body: { body: 'Seen before.', internal: true } }),
    expected: sameForBoth({ anonymous: 401, 'aurora requester': 403, 'basalt requester': 403, expert: 201, coordinator: 201 }),
  },
  {
    name: 'PATCH /api/tickets/:id (priority)',
    call: async (as, id) => stack.call('PATCH', `/api/tickets/${id}`, { as, body: { priority: 'high' }, headers: { 'if-match': await etagOf(stack, id) } }),
    expected: {
      aurora: { anonymous: 401, 'aurora requester': 403, 'basalt requester': 404, expert: 200, coordinator: 200 },
      basalt: { anonymous: 401, 'aurora requester': 404, 'basalt requester': 403, expert: 200, coordinator: 200 },
    },
  },
  {
    // Aurora's tickets are opened by María: Jonas, of her organisation, may reply but not close (see below).
    name: 'PATCH /api/tickets/:id (close)',
    call: async (as, id) => stack.call('PATCH', `/api/tickets/${id}`, { as, body: { status: 'closed' }, headers: { 'if-match': await etagOf(stack, id) } }),
    expected: {
      aurora: { anonymous: 401, 'aurora requester': 403, 'basalt requester': 404, expert: 200, coordinator: 200 },
      basalt: { anonymous: 401, 'aurora requester': 404, 'basalt requester': 200, expert: 200, coordinator: 200 },
    },
  },
  // Issue 13: an expert may take any ticket, even one another expert holds; a coordinator may take one too.
  assigningHeldTicket('PATCH /api/tickets/:id (take a ticket Mikko holds)', (as) => USER_IDS[as ?? '']!, { expert: 200, coordinator: 200 }),
  // Giving a ticket to a third person stays a coordinator's call.
  assigningHeldTicket('PATCH /api/tickets/:id (give a ticket Mikko holds to Giulia)', () => 'u-giulia', { expert: 403, coordinator: 200 }),
  {
    name: 'POST /api/deflections',
    call: (as) => stack.call('POST', '/api/deflections', { as, body: { guide: 'slurm-basics', section: 'submitting-a-job' } }),
    expected: sameForBoth({ anonymous: 401, 'aurora requester': 201, 'basalt requester': 201, expert: 403, coordinator: 403 }),
  },
  {
    name: 'GET /api/stats',
    call: (as) => stack.call('GET', '/api/stats', { as }),
    expected: sameForBoth({ anonymous: 401, 'aurora requester': 403, 'basalt requester': 403, expert: 403, coordinator: 200 }),
  },
];

describe.each(CASES)('$name', ({ call, expected }) => {
  for (const owner of ['aurora', 'basalt'] as const) {
    for (const actor of Object.keys(ACTORS) as Actor[]) {
      it(`${actor} on a ${owner} ticket → ${expected[owner][actor]}`, async () => {
        const ticket = await openTicket(stack, owner === 'aurora' ? AS.maria : AS.lea);
        const response = await call(ACTORS[actor], ticket.id);
        expect(response.status).toBe(expected[owner][actor]);
        if (response.status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
      });
    }
  }
});

describe('organisation isolation', () => {
  it('never lists another organisation\'s tickets, whatever the filters', async () => {
    const aurora = await openTicket(stack, AS.maria);
    for (const query of ['', '?status=new', '?assignee=unassigned', '?system=LUMI', '?limit=100']) {
      const response = await stack.call('GET', `/api/tickets${query}`, { as: AS.lea });
      expect(response.status).toBe(200);
      const { items } = await response.json() as { items: Array<{ id: string; orgId: string }> };
      expect(items.every((t) => t.orgId === 'basalt-labs')).toBe(true);
      expect(items.some((t) => t.id === aurora.id)).toBe(false);
    }
  });

  it('does not let a cursor from a staff listing open another partition', async () => {
    const staffPage = await (await stack.call('GET', '/api/tickets?limit=1', { as: AS.coord })).json() as { cursor?: string };
    expect(staffPage.cursor).toBeDefined();
    const response = await stack.call('GET', `/api/tickets?cursor=${staffPage.cursor}`, { as: AS.lea });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].field).toBe('cursor');
  });

  it('hides internal notes and their events from requesters', async () => {
    const ticket = await openTicket(stack, AS.maria);
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Internal: known RCCL issue', internal: true } });
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Please load the OFI plugin.' } });
    const asRequester = await (await stack.call('GET', `/api/tickets/${ticket.id}?include=events`, { as: AS.maria })).json();
    expect(asRequester.messages.map((m: { body: string }) => m.body)).toEqual(['Please load the OFI plugin.']);
    expect(asRequester.messageCount).toBe(1);
    expect(asRequester.noteCount).toBeUndefined();
    expect(asRequester.events.some((e: { type: string }) => e.type === 'note')).toBe(false);
    const asExpert = await (await stack.call('GET', `/api/tickets/${ticket.id}?include=events`, { as: AS.mikko })).json();
    expect(asExpert.messages).toHaveLength(2);
    expect(asExpert).toMatchObject({ messageCount: 1, noteCount: 1 });
    expect(asExpert.events.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned', 'note', 'reply', 'status']);
  });
});

describe('who may close a ticket (outside review, finding 7)', () => {
  const patch = async (as: string, id: string, status: string) =>
    stack.call('PATCH', `/api/tickets/${id}`, { as, body: { status }, headers: { 'if-match': await etagOf(stack, id) } });

  it('the requester who opened it may; another member of the organisation may reply, not close', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.jonas, body: { body: 'Same problem here.' } })).status).toBe(201);
    const refused = await patch(AS.jonas, ticket.id, 'closed');
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe('Only the person who opened this ticket, or the support staff, may close it.');
    expect((await patch(AS.maria, ticket.id, 'closed')).status).toBe(200);
  });

  it('any member of the organisation may reopen a resolved ticket, as a reply from them would', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await patch(AS.ana, ticket.id, 'resolved')).status).toBe(200);
    expect((await patch(AS.jonas, ticket.id, 'open')).status).toBe(200);
  });
});
