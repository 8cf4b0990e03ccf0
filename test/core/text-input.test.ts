import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../functions/local/seed-data.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { validTicket } from '../support/tickets.ts';

// Outside review, findings 3 and 4: C1 controls are refused in all text as C0 ones are; one-line fields (ticket
// subjects, booking topics) take no line break, no bidi override and no invisible format character.
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const codePoint = (s: string) => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

async function fieldsRefused(method: string, path: string, as: string, body: unknown): Promise<string[]> {
  const response = await stack.call(method, path, { as, body });
  const problem = await response.json();
  expect(response.status, JSON.stringify(problem)).toBe(400);
  return (problem.errors as Array<{ field: string }>).map((error) => error.field);
}

const ONE_LINE_BREAKERS = ['\n', '\r', '\u2028', '\u2029'];
const BIDI_AND_INVISIBLE = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff'];
const C1 = ['\u0080', '\u0085', '\u008d', '\u009b', '\u009f'];

describe('one-line fields', () => {
  it.each([...ONE_LINE_BREAKERS, ...BIDI_AND_INVISIBLE].map((c) => [codePoint(c), c]))('a ticket subject with %s is refused, naming the subject', async (_, c) => {
    expect(await fieldsRefused('POST', '/api/tickets', AS.maria, { ...validTicket, subject: `Invoice${c}gnp.exe` })).toEqual(['subject']);
  });

  it.each(['\n', '\u202e', '\u200b'].map((c) => [codePoint(c), c]))('a booking topic with %s is refused, naming the topic', async (_, c) => {
    const fields = await fieldsRefused('POST', '/api/bookings', AS.maria, { expertId: 'ana', start: '2030-01-07T09:00:00Z', topic: `FSDP${c}on LUMI` });
    expect(fields).toContain('topic');
  });
});

describe('C1 control characters', () => {
  it.each(C1.map((c) => [codePoint(c), c]))('%s in a ticket body is refused as C0 controls are', async (_, c) => {
    expect(await fieldsRefused('POST', '/api/tickets', AS.maria, { ...validTicket, body: `Line one${c}Line two` })).toEqual(['body']);
  });

  it('a body keeps line breaks, right-to-left text and emoji joiners (the control case)', async () => {
    const body = 'First line\nالسطر الثاني\u200f with an RTL mark\n👩\u200d💻 at work';
    const response = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { ...validTicket, subject: 'Job fails on LUMI — ошибка', body } });
    expect(response.status).toBe(201);
    expect((await response.json()).body).toBe(body);
  });
});

describe('names from tokens', () => {
  it('are shown on one line without bidi overrides or invisible characters', async () => {
    const maria = seedUser(AS.maria);
    const token = await stack.server.idp.sign({
      sub: maria.id, email: maria.email, name: 'Maria\u202egnp.exe\r\nBcc: eve@evil.example\u200b', token_use: 'id', 'cognito:groups': [], 'custom:org': maria.orgId,
    });
    const me = await (await stack.call('GET', '/api/me', { token })).json();
    expect(me.name).toBe('Mariagnp.exe Bcc: eve@evil.example');
  });
});
