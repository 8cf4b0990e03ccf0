import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';
import { announce, attach } from './support.ts';

// Who may do what with attachments, on an Aurora AI ticket: anonymous, the requester who attached (maria), a
// colleague of the same organisation (jonas), another organisation (lea), an expert and a coordinator.
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const ACTORS = { anonymous: undefined, uploader: AS.maria, 'same org': AS.jonas, 'other org': AS.lea, expert: AS.ana, coordinator: AS.coord } as const;
type Actor = keyof typeof ACTORS;

const LOG = 'job 1 started\nTraceback (most recent call last):\n';

async function freshAttachment(internal = false) {
  const ticket = await openTicket(stack, AS.maria);
  const as = internal ? AS.ana : AS.maria;
  const { id, complete } = await attach(stack, ticket.id, as, 'slurm.out', LOG, { internal });
  expect(complete.status).toBe(200);
  return { ticketId: ticket.id, reference: ticket.reference as string, id };
}

const matrix: Array<{ name: string; call: (as: string | undefined, ticketId: string, id: string) => Promise<Response>; expected: Record<Actor, number> }> = [
  {
    name: 'announce (POST .../attachments)',
    call: (as, ticketId) => announce(stack, ticketId, as, { filename: 'more.log', size: 10 }),
    expected: { anonymous: 401, uploader: 201, 'same org': 201, 'other org': 404, expert: 201, coordinator: 201 },
  },
  {
    name: 'list (GET .../attachments)',
    call: (as, ticketId) => stack.call('GET', `/api/tickets/${ticketId}/attachments`, { as }),
    expected: { anonymous: 401, uploader: 200, 'same org': 200, 'other org': 404, expert: 200, coordinator: 200 },
  },
  {
    name: 'download (GET .../attachments/{id})',
    call: (as, ticketId, id) => stack.call('GET', `/api/tickets/${ticketId}/attachments/${id}`, { as }),
    expected: { anonymous: 401, uploader: 200, 'same org': 200, 'other org': 404, expert: 200, coordinator: 200 },
  },
  {
    name: 'complete (POST .../complete), someone else\'s',
    call: (as, ticketId, id) => stack.call('POST', `/api/tickets/${ticketId}/attachments/${id}/complete`, { as }),
    // Completing is the uploader's step (and idempotent); anyone else learns nothing.
    expected: { anonymous: 401, uploader: 200, 'same org': 404, 'other org': 404, expert: 404, coordinator: 404 },
  },
  {
    name: 'remove (DELETE .../attachments/{id})',
    call: (as, ticketId, id) => stack.call('DELETE', `/api/tickets/${ticketId}/attachments/${id}`, { as }),
    expected: { anonymous: 401, uploader: 200, 'same org': 403, 'other org': 404, expert: 200, coordinator: 200 },
  },
];

describe('the authorization matrix', () => {
  for (const row of matrix) {
    for (const [actor, expected] of Object.entries(row.expected) as Array<[Actor, number]>) {
      it(`${row.name} as ${actor}: ${expected}`, async () => {
        const { ticketId, id } = await freshAttachment();
        expect((await row.call(ACTORS[actor], ticketId, id)).status).toBe(expected);
      });
    }
  }
});

// A ticket's reference works wherever its id does (README): every attachment route, within what the caller may see.
describe('the authorization matrix by reference (HD-1005, hd-1005, 1005)', () => {
  const forms = { 'HD-n': (r: string) => r, 'hd-n': (r: string) => r.toLowerCase(), 'bare number': (r: string) => r.replace(/^HD-/, '') };
  for (const row of matrix) {
    for (const [form, write] of Object.entries(forms)) {
      for (const actor of ['uploader', 'other org'] as const) {
        it(`${row.name} as ${actor}, by ${form}: ${row.expected[actor]}`, async () => {
          const { reference, id } = await freshAttachment();
          expect((await row.call(ACTORS[actor], write(reference), id)).status).toBe(row.expected[actor]);
        });
      }
    }
  }
});

describe('internal-note attachments', () => {
  it('are never visible to requesters, whatever they try', async () => {
    const { ticketId, id } = await freshAttachment(true);
    for (const as of [AS.maria, AS.jonas]) {
      expect((await (await stack.call('GET', `/api/tickets/${ticketId}/attachments`, { as })).json()).items).toEqual([]);
      expect((await stack.call('GET', `/api/tickets/${ticketId}/attachments/${id}`, { as })).status).toBe(404);
      expect((await stack.call('DELETE', `/api/tickets/${ticketId}/attachments/${id}`, { as })).status).toBe(404);
    }
    const staff = await (await stack.call('GET', `/api/tickets/${ticketId}/attachments`, { as: AS.giulia })).json();
    expect(staff.items).toEqual([expect.objectContaining({ id, internal: true })]);
  });

  it('cannot be made by requesters', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const refused = await announce(stack, ticket.id, AS.maria, { filename: 'x.log', size: 10, internal: true });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('ticket.internal-note');
  });
});

describe('removal', () => {
  it('keeps a removed attachment in the history, without a download, and frees its slot', async () => {
    const { ticketId, id } = await freshAttachment();
    expect((await stack.call('DELETE', `/api/tickets/${ticketId}/attachments/${id}`, { as: AS.maria })).status).toBe(200);
    const list = await (await stack.call('GET', `/api/tickets/${ticketId}/attachments`, { as: AS.jonas })).json();
    expect(list.items).toEqual([expect.objectContaining({ id, status: 'removed', removedByName: 'María Ortega' })]);
    expect((await stack.call('GET', `/api/tickets/${ticketId}/attachments/${id}`, { as: AS.maria })).status).toBe(404);
  });

  it('is the uploader\'s only while the ticket is not closed; staff may any time', async () => {
    const { ticketId, id } = await freshAttachment();
    const closed = await stack.call('PATCH', `/api/tickets/${ticketId}`, {
      as: AS.coord, body: { status: 'closed' }, headers: { 'if-match': (await stack.call('GET', `/api/tickets/${ticketId}`, { as: AS.coord })).headers.get('etag')! },
    });
    expect(closed.status).toBe(200);
    const refused = await stack.call('DELETE', `/api/tickets/${ticketId}/attachments/${id}`, { as: AS.maria });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('attachment.removal');
    expect((await stack.call('DELETE', `/api/tickets/${ticketId}/attachments/${id}`, { as: AS.coord })).status).toBe(200);
  });
});
