// The function bundles exactly as deployed (cdk/bundling.ts), each imported in its own node process with a
// Lambda-style environment and called with API Gateway HTTP API (payload 2.0) events: they answer through
// hono/aws-lambda, verify tokens over JWKS and reach DynamoDB with the bundled SDK (dynalite stands in).
// The notifier's stream consumer is called with a stream batch.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions, LAMBDA_NODE_OPTIONS } from '../../cdk/bundling.ts';
import { FUNCTION_ENTRIES } from '../../cdk/paths.ts';
import { EDGE_SECRET_VARIABLE } from '../../functions/analytics/config.ts';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

interface HttpCall {
  method: string; path: string; token?: string; body?: unknown;
  /** Other request headers (lower case, as API Gateway passes them). */
  headers?: Record<string, string>;
  /** The caller's address as API Gateway saw it. */
  sourceIp?: string;
}
interface LambdaResult { statusCode: number; headers: Record<string, string>; body: string }

let stack: TestStack;
let workDir: string;
const bundles: Record<string, string> = {};
/** The source modules in each bundle (esbuild's metafile). */
const modules: Record<string, string[]> = {};

beforeAll(async () => {
  stack = await startTestStack();
  workDir = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
  for (const name of Object.keys(FUNCTION_ENTRIES) as Array<keyof typeof FUNCTION_ENTRIES>) {
    bundles[name] = join(workDir, name, 'index.mjs');
    const { metafile } = await build({ ...esbuildOptions(FUNCTION_ENTRIES[name], bundles[name]!), metafile: true });
    modules[name] = Object.keys(metafile.inputs);
  }
});
afterAll(async () => {
  await stack?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function apiGatewayEvent({ method, path, token, body, headers = {}, sourceIp = '192.0.2.1' }: HttpCall): Record<string, unknown> {
  const [rawPath, rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: `ANY ${rawPath}`,
    rawPath,
    rawQueryString,
    headers: {
      host: 'abc123.execute-api.eu-north-1.amazonaws.com',
      'user-agent': 'vitest',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    requestContext: {
      accountId: '123456789012', apiId: 'abc123', domainName: 'abc123.execute-api.eu-north-1.amazonaws.com', domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp, userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`, routeKey: `ANY ${rawPath}`, stage: '$default', time: new Date().toUTCString(), timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

// Runs in a fresh node process: the function reads its configuration at import, as in a Lambda cold start.
const INVOKE = `
const module = await import(process.argv[1]);
const results = [];
for (const event of JSON.parse(process.argv[3])) results.push(await module[process.argv[2]](event, { functionName: 'test', awsRequestId: 'test-request' }));
process.stdout.write(JSON.stringify(results));`;

// Imports the bundle with every Intl constructor (and Intl.supportedValuesOf) counting, and prints what was used.
const INTL_AT_IMPORT = `
const used = [];
for (const name of ['Collator', 'DateTimeFormat', 'DisplayNames', 'DurationFormat', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter']) {
  if (Intl[name]) Intl[name] = new Proxy(Intl[name], { construct: (target, args, newTarget) => (used.push(name), Reflect.construct(target, args, newTarget)) });
}
const supportedValuesOf = Intl.supportedValuesOf;
Intl.supportedValuesOf = (key) => (used.push('supportedValuesOf'), supportedValuesOf(key));
await import(process.argv[1]);
process.stdout.write(JSON.stringify(used));`;

async function invoke(functionName: string, calls: HttpCall[]): Promise<LambdaResult[]> {
  return invokeHandler(functionName, 'handler', calls.map(apiGatewayEvent)) as Promise<LambdaResult[]>;
}

// Asynchronous on purpose: the identity provider answering the JWKS request runs in this process.
async function invokeHandler(functionName: string, handlerName: string, events: unknown[], env: Record<string, string> = {}): Promise<unknown[]> {
  return runInColdProcess(INVOKE, functionName, [handlerName, JSON.stringify(events)], env);
}

/** Runs `script` in a fresh node process with the bundle's path as argv[1], `args` after it; its stdout parsed as JSON. */
async function runInColdProcess(script: string, functionName: string, args: string[] = [], env: Record<string, string> = {}): Promise<unknown[]> {
  const { idp, dynamoEndpoint, tableName } = stack.server;
  const { stdout } = await promisify(execFile)(process.execPath, [LAMBDA_NODE_OPTIONS, '--input-type=module', '-e', script, bundles[functionName]!, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-north-1',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: idp.audience,
      AUTH_JWKS_URL: idp.jwksUrl,
      PUBLIC_URL: 'https://support.example.eu',
      SENDER_ADDRESS: 'desk@support.example.eu',
      ATTACHMENTS_BUCKET: 'support-centre-attachments',
      LOG_LEVEL: 'SILENT',
      ...env,
    },
  });
  return JSON.parse(stdout) as unknown[];
}

describe('deployed bundles behind API Gateway', () => {
  it('tickets: public health, the signed-in caller, 401 problem+json without a token', async () => {
    const maria = await stack.token(AS.maria);
    const [health, me, anonymous, tickets] = await invoke('tickets', [
      { method: 'GET', path: '/api/health' },
      { method: 'GET', path: '/api/me', token: maria },
      { method: 'GET', path: '/api/tickets' },
      { method: 'GET', path: '/api/tickets?limit=2', token: maria },
    ]);
    expect(health!.statusCode).toBe(200);
    expect(me!.statusCode).toBe(200);
    expect(JSON.parse(me!.body)).toMatchObject({ email: AS.maria, role: 'requester', orgId: 'aurora-ai' });
    expect(anonymous!.statusCode).toBe(401);
    expect(anonymous!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tickets!.statusCode).toBe(200);
  });

  it('tickets: a ticket created through the Lambda is in the table the local API reads', async () => {
    const maria = await stack.token(AS.maria);
    const [created] = await invoke('tickets', [{
      method: 'POST', path: '/api/tickets', token: maria,
      body: { subject: 'Created through the Lambda bundle', body: 'Checking the deployed bundle end to end on LUMI.', category: 'access-and-allocations' },
    }]);
    expect(created!.statusCode, created!.body).toBe(201);
    const { id } = JSON.parse(created!.body) as { id: string };
    const read = await stack.call('GET', `/api/tickets/${id}`, { as: AS.maria });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ subject: 'Created through the Lambda bundle' });
  });

  it('notifications: the e-mail preferences for a signed-in caller, 401 without a token; the tickets function no longer serves them', async () => {
    const maria = await stack.token(AS.maria);
    const [preferences, anonymous] = await invoke('notifications', [
      { method: 'GET', path: '/api/me/notifications', token: maria },
      { method: 'GET', path: '/api/me/notifications' },
    ]);
    expect(preferences!.statusCode, preferences!.body).toBe(200);
    expect(JSON.parse(preferences!.body)).toHaveProperty('kinds');
    expect(anonymous!.statusCode).toBe(401);
    const [fromTickets] = await invoke('tickets', [{ method: 'GET', path: '/api/me/notifications', token: maria }]);
    expect(fromTickets!.statusCode).toBe(404);
  });

  it('routing: settings through the routing function are what a tickets instance routes on; the tickets function no longer serves them', async () => {
    const coord = await stack.token(AS.coord);
    const maria = await stack.token(AS.maria);
    const [current, anonymous] = await invoke('routing', [
      { method: 'GET', path: '/api/settings/routing', token: coord },
      { method: 'GET', path: '/api/settings/routing' },
    ]);
    expect(current!.statusCode, current!.body).toBe(200);
    expect(anonymous!.statusCode).toBe(401);
    const settings = JSON.parse(current!.body) as { autoAssign: boolean };
    const newTicket = { subject: 'Routed by the settings of the routing function', body: 'Checking the two functions agree on LUMI.', category: 'ai-training-and-inference' };
    const [routed] = await invoke('tickets', [{ method: 'POST', path: '/api/tickets', token: maria, body: newTicket }]);
    expect(routed!.statusCode, routed!.body).toBe(201);
    expect(JSON.parse(routed!.body).assigneeId).toEqual(expect.any(String));
    const [off] = await invoke('routing', [{ method: 'PUT', path: '/api/settings/routing', token: coord, body: { ...settings, autoAssign: false } }]);
    expect(off!.statusCode, off!.body).toBe(200);
    // Each invocation is a fresh process, a cold instance of the tickets function: it reads the settings written above.
    const [created, fromTickets] = await invoke('tickets', [
      { method: 'POST', path: '/api/tickets', token: maria, body: newTicket },
      { method: 'GET', path: '/api/settings/routing', token: coord },
    ]);
    expect(created!.statusCode, created!.body).toBe(201);
    expect(JSON.parse(created!.body)).toMatchObject({ assigneeId: null });
    expect(fromTickets!.statusCode).toBe(404);
    // Why nobody has it is staff's to read.
    const [asStaff] = await invoke('tickets', [{ method: 'GET', path: `/api/tickets/${JSON.parse(created!.body).id}`, token: coord }]);
    expect(JSON.parse(asStaff!.body)).toMatchObject({ assigneeId: null, assignment: { reason: expect.stringContaining('auto-assignment is off') } });
    const [on] = await invoke('routing', [{ method: 'PUT', path: '/api/settings/routing', token: coord, body: settings }]);
    expect(on!.statusCode, on!.body).toBe(200);
  });

  it('routing: the scheduled sweep sets a drifted load counter to what the tickets say', async () => {
    const store = dynamoRoutingStore(stack.server.db, stack.server.tableName);
    const loadOf = async (expertId: string) => (await store.roster()).find((entry) => entry.expertId === expertId)?.load ?? 0;
    const before = await loadOf('u-mikko');
    await store.adjust('u-mikko', 7, 3);
    expect(await loadOf('u-mikko')).toBe(before + 7);
    expect(await invokeHandler('routing', 'sweepHandler', [{ 'detail-type': 'Scheduled Event' }])).toEqual([{ experts: 3 }]);
    expect(await loadOf('u-mikko')).toBe(before);
  });

  it('tickets carries routing\'s service for creation but none of its API; routing none of tickets\' API', () => {
    expect(modules.tickets).toContain('functions/routing/service.ts');
    expect(modules.tickets!.filter((path) => /^functions\/routing\/(app|routes|schemas|docs|responses|admin|wiring|reconcile|dynamo-admin-store)\.ts$/.test(path))).toEqual([]);
    // What routing reads of tickets (roster view, sweep, reassignment) is the routing function's only.
    expect(modules.tickets).not.toContain('functions/tickets/routing-tickets.ts');
    expect(modules.routing).toContain('functions/tickets/routing-tickets.ts');
    expect(modules.routing).toEqual(expect.arrayContaining(['functions/routing/app.ts', 'functions/tickets/service.ts']));
    expect(modules.routing!.filter((path) => /^functions\/tickets\/(app|routes|schemas|docs|responses|views)\.ts$/.test(path))).toEqual([]);
    for (const name of Object.keys(modules)) expect(modules[name]!.filter((path) => path.includes('node_modules/jose/')), name).toEqual([]);
  });

  it('bookings: the expert list for a signed-in caller, 401 without a token', async () => {
    const [experts, anonymous] = await invoke('bookings', [
      { method: 'GET', path: '/api/experts', token: await stack.token(AS.maria) },
      { method: 'GET', path: '/api/experts' },
    ]);
    expect(experts!.statusCode, experts!.body).toBe(200);
    expect(JSON.stringify(JSON.parse(experts!.body))).toContain('u-ana');
    expect(anonymous!.statusCode).toBe(401);
  });

  // Building an Intl formatter reads ICU data (Intl.DisplayNames for languages: ~10 ms), paid by every cold start
  // that builds it at import although few requests need it; the tickets and routing functions once did.
  it('no function builds an Intl formatter or lists Intl values while it loads: that waits for first use', async () => {
    // The mail functions' settings too, so that every function loads.
    const mail = { SUPPORT_ADDRESS: 'support@support.example.eu', MAIL_TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-characters', RAW_MAIL_BUCKET: 'support-centre-raw-mail' };
    for (const name of Object.keys(bundles)) expect(await runInColdProcess(INTL_AT_IMPORT, name, [], mail), name).toEqual([]);
  });

  it('analytics: behind CloudFront each reader has a bucket, believed only with the edge secret; a direct caller cannot pick one', async () => {
    const secret = 'e'.repeat(48);
    const edge = '130.176.1.10';
    const search = (viewer: string, given?: string, sourceIp = edge): HttpCall => ({
      method: 'POST', path: '/api/analytics/search', body: { query: 'lambda throttle', results: 1 }, sourceIp,
      headers: { 'cloudfront-viewer-address': viewer, ...(given === undefined ? {} : { 'x-origin-verify': given }) },
    });
    const statuses = async (calls: HttpCall[]) => ((await invokeHandler('analytics', 'handler', calls.map(apiGatewayEvent), {
      ANALYTICS_BURST: '2', ANALYTICS_RATE_PER_MINUTE: '1', [EDGE_SECRET_VARIABLE]: secret,
    })) as LambdaResult[]).map((result) => result.statusCode);
    // Through the edge with the secret: a noisy reader is held back, its neighbours at the same edge are not.
    expect(await statuses([search('198.51.100.7:40001', secret), search('198.51.100.7:40002', secret), search('198.51.100.7:40003', secret),
      search('203.0.113.50:50000', secret), search('2001:db8:1:2::7:443', secret), search('[2001:db8:1:2::8]:444', secret), search('[2001:db8:1:2::9]:445', secret)]))
      .toEqual([202, 202, 429, 202, 202, 202, 429]);
    // Straight to execute-api with made-up viewers, without or with a wrong secret: all one source.
    expect(await statuses([search('192.0.2.1:1', undefined, '203.0.113.9'), search('192.0.2.2:1', 'e'.repeat(47), '203.0.113.9'), search('192.0.2.3:1', undefined, '203.0.113.9')]))
      .toEqual([202, 202, 429]);
  });

  it('notify: the stream consumer takes a batch and reports no failed record', async () => {
    expect(await invokeHandler('notify', 'streamHandler', [{ Records: [] }])).toEqual([{ batchItemFailures: [] }]);
  });
});
