import { describe, expect, it } from 'vitest';
import { applyMessage, applyPatch } from '../../functions/tickets/domain/changes.ts';
import type { Ticket } from '../../functions/tickets/domain/model.ts';
import type { Violation } from '../../functions/core/violation.ts';

const base: Ticket = {
  id: 't1', number: 1001, reference: 'HD-1001', orgId: 'aurora-ai', requesterId: 'u-maria', requesterName: 'María',
  subject: 'NCCL hang', body: 'It hangs', category: 'performance', priority: 'normal', status: 'new',
  assigneeId: null, assigneeName: null, createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z',
  lastActivityAt: '2026-11-02T09:00:00.000Z', messageCount: 0, version: 1,
  events: [{ at: '2026-11-02T09:00:00.000Z', type: 'created', actorId: 'u-maria', actorName: 'María' }],
};
const ana = { id: 'u-ana', name: 'Ana', role: 'expert' as const };
const mikko = { id: 'u-mikko', name: 'Mikko', role: 'expert' as const };
const coord = { id: 'u-coord', name: 'Sam', role: 'coordinator' as const };
const maria = { id: 'u-maria', name: 'María', role: 'requester' as const };
const later = '2026-11-02T10:00:00.000Z';
const codeOf = (fn: () => unknown) => {
  try { fn(); } catch (error) { return (error as Violation).code; }
  return 'no error';
};

describe('applying a patch', () => {
  it('lets an expert take a new ticket, which opens it, with both changes in the trail', () => {
    const next = applyPatch(base, { assigneeId: 'u-ana' }, ana, { id: 'u-ana', email: 'a', name: 'Ana', role: 'expert' }, later);
    expect(next).toMatchObject({ assigneeId: 'u-ana', assigneeName: 'Ana', status: 'open', version: 2, lastActivityAt: later });
    expect(next.events.slice(1).map((e) => e.type)).toEqual(['assigned', 'status']);
  });

  it('stops an expert from assigning someone else or releasing a ticket someone else holds', () => {
    expect(codeOf(() => applyPatch(base, { assigneeId: 'u-mikko' }, ana, { id: 'u-mikko', email: 'm', name: 'Mikko', role: 'expert' }, later))).toBe('ticket.assignment');
    const held = { ...base, assigneeId: 'u-mikko', assigneeName: 'Mikko' };
    expect(codeOf(() => applyPatch(held, { assigneeId: 'u-giulia' }, ana, { id: 'u-giulia', email: 'g', name: 'Giulia', role: 'expert' }, later))).toBe('ticket.assignment');
    expect(codeOf(() => applyPatch(held, { assigneeId: null }, ana, undefined, later))).toBe('ticket.assignment');
    expect(applyPatch(held, { assigneeId: null }, mikko, undefined, later).assigneeId).toBeNull();
  });

  it('lets an expert take a ticket another expert holds, keeping who had it in the trail', () => {
    const held = { ...base, status: 'open' as const, assigneeId: 'u-mikko', assigneeName: 'Mikko' };
    const next = applyPatch(held, { assigneeId: 'u-ana' }, ana, { id: 'u-ana', email: 'a', name: 'Ana', role: 'expert' }, later);
    expect(next).toMatchObject({ assigneeId: 'u-ana', assigneeName: 'Ana', assignment: { reason: 'taken by Ana', auto: false, at: later }, version: 2 });
    expect(next.events.at(-1)).toMatchObject({ type: 'assigned', from: 'u-mikko', to: 'u-ana', actorId: 'u-ana', reason: 'taken by Ana' });
  });

  it('lets a coordinator assign any expert but not a requester', () => {
    expect(applyPatch(base, { assigneeId: 'u-mikko' }, coord, { id: 'u-mikko', email: 'm', name: 'Mikko', role: 'expert' }, later).assigneeId).toBe('u-mikko');
    expect(codeOf(() => applyPatch(base, { assigneeId: 'u-lea' }, coord, { id: 'u-lea', email: 'l', name: 'Léa', role: 'requester' }, later))).toBe('ticket.assignee');
    expect(codeOf(() => applyPatch(base, { assigneeId: 'nobody' }, coord, undefined, later))).toBe('ticket.assignee');
  });

  it('lets a requester close but not change priority', () => {
    expect(applyPatch(base, { status: 'closed' }, maria, undefined, later).status).toBe('closed');
    expect(codeOf(() => applyPatch(base, { priority: 'urgent' }, maria, undefined, later))).toBe('ticket.requester-change');
    expect(codeOf(() => applyPatch({ ...base, status: 'open' }, { status: 'waiting' }, maria, undefined, later))).toBe('ticket.transition');
  });

  it('returns the same ticket when nothing changes', () => {
    expect(applyPatch(base, { priority: 'normal' }, ana, undefined, later)).toBe(base);
  });
});

describe('applying a message', () => {
  const message = (internal: boolean, authorRole: 'expert' | 'requester') => ({
    id: 'm1', ticketId: 't1', authorId: 'x', authorName: 'X', authorRole, body: 'hi', internal, createdAt: later,
  });

  it('records the first public staff reply and opens the ticket', () => {
    const next = applyMessage(base, message(false, 'expert'), ana);
    expect(next).toMatchObject({ status: 'open', firstResponseAt: later, messageCount: 1, version: 2 });
  });

  it('does not count an internal note as a response', () => {
    const next = applyMessage(base, message(true, 'expert'), ana);
    expect(next.status).toBe('new');
    expect(next.firstResponseAt).toBeUndefined();
    expect(next.events.at(-1)?.type).toBe('note');
  });

  it('reopens a waiting ticket when the requester replies', () => {
    const next = applyMessage({ ...base, status: 'waiting' }, message(false, 'requester'), maria);
    expect(next.status).toBe('open');
    expect(next.firstResponseAt).toBeUndefined();
  });
});
