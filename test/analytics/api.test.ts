// The analytics routes against dynalite through the local server: validation, who may read the report,
// the throttle (over real HTTP, so the source address is the socket's), and what is stored (no identifier).
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { EDGE_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/analytics/source.ts';
import { TTL_ATTRIBUTE } from '../../functions/core/table.ts';
import { mutated } from '../support/bad-input.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

const NOW = '2026-12-06T10:00:00.000Z';
const UNLIMITED = { burst: 1_000_000, ratePerSecond: 1_000_000 };

const problemFields = async (response: Response) => ((await response.json()) as { errors?: Array<{ field: string }> }).errors?.map((e) => e.field) ?? [];

async function analyticsItems(stack: TestStack): Promise<Record<string, unknown>[]> {
  const items = (await stack.server.db.send(new ScanCommand({ TableName: stack.server.tableName }))).Items ?? [];
  return items.filter((item) => String(item.pk).startsWith('ANALYTICS#'));
}

describe('the event routes', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack({ seed: true, clock: fixedClock(NOW), eventsPerSource: UNLIMITED }); });
  afterAll(async () => { await stack?.close(); });

  const cases: Array<[string, string, unknown, string]> = [
    ['search', '/api/analytics/search', { results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: '   ', results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: 'a\u0007b', results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: 'slurm\nsbatch', results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: 'gnp\u202eexe', results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: 'x'.repeat(501), results: 2 }, 'query'],
    ['search', '/api/analytics/search', { query: 'slurm', results: -1 }, 'results'],
    ['search', '/api/analytics/search', { query: 'slurm', results: '3' }, 'results'],
    ['search', '/api/analytics/search', { query: 'slurm', results: 3, opened: 0 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'slurm', results: 3, opened: 1.5 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'ok', results: 0, opened: 5 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'ok', results: 4, opened: 5 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'ok', results: 0, opened: 0 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'ok', results: 2, opened: -1 }, 'opened'],
    ['search', '/api/analytics/search', { query: 'ok', results: 2, opened: null }, 'opened'],
    ['feedback', '/api/analytics/feedback', { guide: 'Slurm Basics', helpful: true }, 'guide'],
    ['feedback', '/api/analytics/feedback', { guide: '../etc', helpful: true }, 'guide'],
    ['feedback', '/api/analytics/feedback', { guide: 'slurm-basics', helpful: 'yes' }, 'helpful'],
    ['feedback', '/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'line one\nline two' }, 'reason'],
    ['feedback', '/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'ok\u2066hidden' }, 'reason'],
    ['feedback', '/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'x'.repeat(201) }, 'reason'],
    ['feedback', '/api/analytics/feedback', { guide: 'slurm-basics', helpful: true, reason: 'Great' }, 'reason'],
  ];
  for (const [kind, path, body, field] of cases) {
    it(`refuses a ${kind} event with a bad ${field} (${JSON.stringify(body).slice(0, 60)}) with 400 naming it`, async () => {
      const response = await stack.call('POST', path, { body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await problemFields(response)).toContain(field);
    });
  }

  it('never answers 500 to mangled events, and counts accepted ones only on today\'s counters', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(mutated({ query: 'slurm', results: 3, opened: 1 }).map((body) => ['/api/analytics/search', body] as const),
        mutated({ guide: 'slurm-basics', helpful: false, reason: 'Too short' }).map((body) => ['/api/analytics/feedback', body] as const)),
      async ([path, body]) => {
        const response = await stack.call('POST', path, { body });
        expect([202, 400]).toContain(response.status);
      },
    ), { numRuns: 60 });
    const items = await analyticsItems(stack);
    expect(items.every((item) => item.day === '2026-12-06')).toBe(true);
  });

  it('refuses a compressed body with 415 naming Content-Encoding, not "not valid JSON", and stores nothing', async () => {
    const events: Array<[string, unknown]> = [
      ['/api/analytics/search', { query: 'gzip probe', results: 1 }],
      ['/api/analytics/feedback', { guide: 'gzip-probe', helpful: true }],
    ];
    for (const [path, event] of events) {
      for (const coding of ['gzip', 'deflate', 'br', 'GZIP', 'gzip, identity']) {
        const rawBody = coding.toLowerCase().startsWith('gzip') ? gzipSync(JSON.stringify(event)) : new TextEncoder().encode(JSON.stringify(event));
        const response = await stack.call('POST', path, { rawBody, headers: { 'content-encoding': coding } });
        expect(response.status, `${path} ${coding}`).toBe(415);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(((await response.json()) as { detail: string }).detail).toBe(`Send the body uncompressed: Content-Encoding "${coding}" is not accepted.`);
      }
      // identity is no coding at all: read as sent
      expect((await stack.call('POST', path, { body: event, headers: { 'content-encoding': 'identity' } })).status, path).toBe(202);
    }
    const items = await analyticsItems(stack);
    expect(items.filter((item) => item.query === 'gzip probe')).toEqual([expect.objectContaining({ searches: 1 })]);
    expect(items.filter((item) => item.guide === 'gzip-probe')).toEqual([expect.objectContaining({ helpful: 1 })]);
  });

  it('counts the same question typed differently as one query, with one item per day', async () => {
    for (const query of ['  Apptainer   LUMI ', 'apptainer lumi', 'APPTAINER LUMI']) {
      expect((await stack.call('POST', '/api/analytics/search', { body: { query, results: 4 } })).status).toBe(202);
    }
    expect((await stack.call('POST', '/api/analytics/search', { body: { query: 'Apptainer LUMI', results: 4, opened: 2 } })).status).toBe(202);
    const rows = (await analyticsItems(stack)).filter((item) => item.query === 'apptainer lumi');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ searches: 3, empty: 0, opens: 1, positions: 2, day: '2026-12-06' });
  });
});

describe('what is stored', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack({ seed: true, clock: fixedClock(NOW), eventsPerSource: UNLIMITED }); });
  afterAll(async () => { await stack?.close(); });

  it('only aggregates with a 13-month TTL: no address, token, user id or cookie anywhere, even when a signed-in browser sends them', async () => {
    const token = await stack.token(AS.maria);
    const cookie = 'session=c00k1e-value-4711';
    const userAgent = 'Mozilla/5.0 (X11; Linux) Privacy-Probe/9.9';
    const send = (path: string, body: unknown) => fetch(`${stack.server.url}${path}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, cookie, 'user-agent': userAgent, 'x-forwarded-for': '203.0.113.77' },
    });
    expect((await send('/api/analytics/search', { query: 'NCCL timeout', results: 0 })).status).toBe(202);
    expect((await send('/api/analytics/search', { query: 'nccl timeout', results: 5, opened: 1 })).status).toBe(202);
    expect((await send('/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'No job array example' })).status).toBe(202);
    expect((await send('/api/analytics/feedback', { guide: 'slurm-basics', helpful: true, reason: 'kept only with no' })).status).toBe(400);
    expect((await send('/api/analytics/feedback', { guide: 'slurm-basics', helpful: true })).status).toBe(202);

    const items = await analyticsItems(stack);
    expect(items.length).toBe(3);
    const everything = JSON.stringify(items);
    const me = (await (await stack.call('GET', '/api/me', { as: AS.maria })).json()) as { id: string; email: string };
    for (const secret of ['127.0.0.1', '::1', '203.0.113.77', 'c00k1e', token.slice(-20), me.id, me.email, 'maria', 'Privacy-Probe', 'aurora']) {
      expect(everything, secret).not.toContain(secret);
    }
    const expires = Date.parse('2028-01-06T00:00:00Z') / 1000;
    const allowed = new Set(['pk', 'sk', 'day', TTL_ATTRIBUTE, 'query', 'searches', 'empty', 'opens', 'positions', 'guide', 'reason', 'helpful', 'unhelpful']);
    for (const item of items) {
      expect(item[TTL_ATTRIBUTE]).toBe(expires);
      for (const name of Object.keys(item)) expect(allowed, name).toContain(name);
    }
    expect(everything).not.toContain('kept only with no');
  });

  it('masks e-mail addresses and phone numbers typed into a search or a reason before storing them', async () => {
    const typed = 'my email is jane.doe@acme.example call +33 6 12 34 56 78';
    expect((await stack.call('POST', '/api/analytics/search', { body: { query: typed, results: 0 } })).status).toBe(202);
    expect((await stack.call('POST', '/api/analytics/feedback', { body: { guide: 'containers', helpful: false, reason: `No answer, ${typed}` } })).status).toBe(202);
    const everything = JSON.stringify(await analyticsItems(stack));
    for (const secret of ['jane', 'acme', '12 34', '+33']) expect(everything, secret).not.toContain(secret);
    expect(everything).toContain('my email is [email] call [number]');
    expect(everything).toContain('No answer, my email is [email] call [number]');
  });
});

describe('the throttle', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack({ seed: true, clock: fixedClock(NOW), eventsPerSource: { burst: 5, ratePerSecond: 0.25 } }); });
  afterAll(async () => { await stack?.close(); });

  it('answers 429 with Retry-After after a burst from one source, and writes nothing for it', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${stack.server.url}/api/analytics/search`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'burst', results: 1 }),
      });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.arrayBuffer();
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    expect(refused!.headers.get('retry-after')).toBe('4');
    expect(await refused!.json()).toMatchObject({ code: 'throttled', status: 429 });
    // Feedback shares the source's bucket: a flood cannot switch routes.
    const feedback = await fetch(`${stack.server.url}/api/analytics/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ guide: 'slurm-basics', helpful: true }),
    });
    expect(feedback.status).toBe(429);
    expect((await analyticsItems(stack)).find((item) => item.query === 'burst')).toMatchObject({ searches: 5 });
  });
});

describe('the throttle of the local server', () => {
  let stack: TestStack;
  beforeAll(async () => { stack = await startTestStack({ seed: true, clock: fixedClock(NOW), eventsPerSource: { burst: 3, ratePerSecond: 0.25 } }); });
  afterAll(async () => { await stack?.close(); });

  it('keys on the socket: a CloudFront viewer address and edge secret sent by a client buy no fresh bucket', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const response = await fetch(`${stack.server.url}/api/analytics/search`, {
        method: 'POST', body: JSON.stringify({ query: 'spoofed', results: 1 }),
        headers: { 'content-type': 'application/json', [VIEWER_ADDRESS_HEADER]: `192.0.2.${i}:4000${i}`, [EDGE_SECRET_HEADER]: 's'.repeat(48) },
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(JSON.stringify(await analyticsItems(stack))).not.toContain('192.0.2.');
  });
});

describe('the report', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true, clock: fixedClock(NOW), eventsPerSource: UNLIMITED });
    const events: Array<[string, unknown]> = [
      ['/api/analytics/search', { query: 'kubernetes helm chart', results: 0 }],
      ['/api/analytics/search', { query: 'Kubernetes  helm chart', results: 0 }],
      ['/api/analytics/search', { query: 'mig slices', results: 3 }],
      ['/api/analytics/search', { query: 'apptainer lumi', results: 4 }],
      ['/api/analytics/search', { query: 'apptainer lumi', results: 4, opened: 1 }],
      ['/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'No job array example' }],
      ['/api/analytics/feedback', { guide: 'slurm-basics', helpful: false, reason: 'No job array example' }],
      ['/api/analytics/feedback', { guide: 'containers', helpful: true }],
    ];
    for (const [path, body] of events) expect((await stack.call('POST', path, { body })).status).toBe(202);
  });
  afterAll(async () => { await stack?.close(); });

  it('is for coordinators only', async () => {
    expect((await stack.call('GET', '/api/analytics/report')).status).toBe(401);
    for (const as of [AS.maria, AS.ana]) {
      const response = await stack.call('GET', '/api/analytics/report', { as });
      expect(response.status, as).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('shows coordinators what readers could not find, with where the deflections are', async () => {
    const response = await stack.call('GET', '/api/analytics/report?days=7', { as: AS.coord });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({
      from: '2026-11-30', to: '2026-12-06', windowDays: 7,
      totals: { searches: 4, empty: 2, opens: 1, helpful: 1, unhelpful: 2 },
      noResults: [{ query: 'kubernetes helm chart', searches: 2, empty: 2 }],
      noClicks: [{ query: 'mig slices', searches: 1 }],
      unhelpfulGuides: [{ guide: 'slurm-basics', unhelpful: 2, reasons: [{ reason: 'No job array example', count: 2 }] }],
      deflections: '/api/stats?days=7',
    });
    expect((await stack.call('GET', '/api/analytics/report?days=0', { as: AS.coord })).status).toBe(400);
    expect(await problemFields(await stack.call('GET', '/api/analytics/report?days=400', { as: AS.coord }))).toContain('days');
  });
});
