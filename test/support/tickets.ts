import { AS, type TestStack } from './stack.ts';

export const validTicket = {
  subject: 'Multi-node job hangs at NCCL init',
  body: 'Our job prints nothing after `init_process_group`.',
  category: 'ai-training-and-inference',
  priority: 'normal',
  system: 'LUMI',
};

/** Opens a ticket through the API as a requester and returns its JSON. */
export async function openTicket(stack: TestStack, as: string = AS.maria, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await stack.call('POST', '/api/tickets', { as, body: { ...validTicket, ...overrides } });
  if (response.status !== 201) throw new Error(`ticket not created: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The ticket's current ETag, read as a coordinator. */
export async function etagOf(stack: TestStack, id: string): Promise<string> {
  const response = await stack.call('GET', `/api/tickets/${id}`, { as: AS.coord });
  return response.headers.get('etag')!;
}
