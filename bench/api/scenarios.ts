import type { LoadRequest } from './load.ts';

export interface BenchContext {
  url: string;
  /** A token for a seeded user, by e-mail. */
  token(email: string): Promise<string>;
  /** JSON request against the running server (setup, not measured). */
  request(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<any>;
}

export interface Scenario {
  name: string;
  /** DynamoDB round trips one request makes: the storage limit divided by this is the scenario's ceiling. */
  dynamoCalls: number;
  prepare(context: BenchContext): Promise<LoadRequest>;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

export const ticketScenarios: Scenario[] = [
  {
    name: 'POST /api/tickets (create)',
    dynamoCalls: 2, // ticket number counter + conditional put
    async prepare({ token }) {
      return {
        method: 'POST', path: '/api/tickets', headers: bearer(await token('maria@aurora-ai.example')),
        body: JSON.stringify({ subject: 'Benchmark: job hangs at NCCL init', body: 'It hangs after `init_process_group`.', category: 'performance', system: 'LUMI' }),
      };
    },
  },
  {
    name: 'GET /api/tickets (queue, 25)',
    dynamoCalls: 1, // one index query
    async prepare({ token }) {
      return { method: 'GET', path: '/api/tickets?assignee=unassigned&limit=25', headers: bearer(await token('ana@support.example')) };
    },
  },
  {
    name: 'GET /api/tickets/:id',
    dynamoCalls: 1, // one partition query: ticket and messages
    async prepare({ token, request }) {
      const maria = await token('maria@aurora-ai.example');
      const ticket = await request('POST', '/api/tickets', {
        token: maria,
        body: { subject: 'Benchmark ticket to read', body: 'Read me.', category: 'other' },
      });
      await request('POST', `/api/tickets/${ticket.id}/messages`, { token: await token('ana@support.example'), body: { body: 'A first answer.' } });
      return { method: 'GET', path: `/api/tickets/${ticket.id}`, headers: bearer(maria) };
    },
  },
];
