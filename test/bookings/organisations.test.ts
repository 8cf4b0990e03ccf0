import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationItem } from '../../functions/core/organisations.ts';
import { AS, startBookingStack, type BookingStack } from './support.ts';

/** GET /api/orgs: every organisation with this quarter's allowance, read from the `ORGS` index partition. */
let stack: BookingStack;
const commands: string[] = [];
beforeAll(async () => {
  stack = await startBookingStack();
  // Every request the API sends to DynamoDB, by command name, to show the listing is a Query and never a Scan.
  stack.server.db.middlewareStack.add((next, context) => (args) => {
    commands.push(String(context.commandName));
    return next(args);
  }, { step: 'initialize', name: 'recordCommands' });
});
afterAll(() => stack.close());

const list = async (as: string = AS.coord) => {
  const response = await stack.call('GET', '/api/orgs', { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await stack.json(response)).items as Array<{ id: string; name: string; quarter: string; minutes: number; used: number; remaining: number }>;
};

describe('GET /api/orgs', () => {
  it('lists the seeded organisations by name with this quarter\'s allowance and use', async () => {
    await stack.setAllowance('aurora-ai', 600);
    await stack.setAllowance('basalt-labs', 300);
    const before = await list();
    const booking = await stack.book(AS.maria, 'u-ana');
    const after = await list();
    expect(before.map((org) => [org.id, org.name])).toEqual([['aurora-ai', 'Aurora AI'], ['basalt-labs', 'Basalt Labs']]);
    const aurora = (items: typeof before) => items.find((org) => org.id === 'aurora-ai')!;
    expect(aurora(after).quarter).toBe('2026-Q4');
    expect(aurora(after).used - aurora(before).used).toBe(booking.minutes);
    expect(aurora(after)).toMatchObject({ minutes: 600, remaining: 600 - aurora(after).used });
    // Every listed figure is the one the per-organisation endpoint gives.
    for (const org of after) {
      const { orgId, ...allowance } = await stack.allowance(org.id) as any;
      expect({ id: orgId, ...allowance }).toEqual({ id: org.id, quarter: org.quarter, minutes: org.minutes, used: org.used, remaining: org.remaining });
    }
  });

  it('includes an organisation written through the shared item builder, sorted by name', async () => {
    await stack.server.db.send(new PutCommand({ TableName: stack.server.tableName, Item: organisationItem({ id: 'arctic-ml', name: 'Arctic ML' }) }));
    const items = await list();
    expect(items.map((org) => org.id)).toEqual(['arctic-ml', 'aurora-ai', 'basalt-labs']);
    expect(items[0]).toMatchObject({ name: 'Arctic ML', used: 0, remaining: items[0]!.minutes });
  });

  it('reads the organisations with an index query, not a scan', async () => {
    commands.length = 0;
    await list();
    expect(commands).toContain('QueryCommand');
    expect(commands).not.toContain('ScanCommand');
  });

  it('never lists the allowance and usage items kept beside the organisation', async () => {
    const items = await list();
    expect(new Set(items.map((org) => org.id)).size).toBe(items.length);
    expect(items.every((org) => typeof org.name === 'string' && org.name.length > 0)).toBe(true);
  });
});

describe('GET /api/experts/me', () => {
  it('gives an expert their own profile with the meeting link, as last saved', async () => {
    const profile = { bio: 'Distributed training on AMD GPUs.', expertise: ['distributed-training', 'amd-rocm-lumi'], skills: ['FSDP'], languages: ['en', 'es'], systems: ['LUMI'], meetingLink: 'https://video.support.example/ana-new' };
    const saved = await stack.json(await stack.call('PUT', '/api/experts/me', { as: AS.ana, body: profile }));
    const response = await stack.call('GET', '/api/experts/me', { as: AS.ana });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const read = await stack.json(response);
    expect(read).toEqual(saved);
    expect(read).toMatchObject({ ...profile, id: 'u-ana', name: 'Ana García' });
    expect(read).not.toHaveProperty('email');
  });
});
