// The fault layer itself and the retry policy it exercises (core/dynamo.ts, core/conditional.ts), on a real table.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalPut, conditionally } from '../../functions/core/conditional.ts';
import { DYNAMO_RETRY } from '../../functions/core/dynamo.ts';
import { isUnavailable } from '../../functions/core/unavailable.ts';
import { FAULT_KINDS, faultError, injectFaults, isWrite, seededRandom, type FaultLayer } from '../support/faults.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let faults: FaultLayer;
beforeAll(async () => {
  stack = await startTestStack({ seed: false, instrumentDb: (db) => { faults = injectFaults(db, { seed: 7 }); } });
});
afterAll(() => stack?.close());

const table = () => stack.server.tableName;
const get = (pk: string) => stack.server.db.send(new GetCommand({ TableName: table(), Key: { pk, sk: 'X' }, ConsistentRead: true }));
const putNew = (pk: string, value: number) => ({ TableName: table(), Item: { pk, sk: 'X', value }, ConditionExpression: 'attribute_not_exists(pk)' });

describe('the seeded generator', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const take = (seed: number) => { const r = seededRandom(seed); return Array.from({ length: 5 }, r); };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    const r = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, r);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws.filter((x) => x < 0.1).length).toBeGreaterThan(850);
    expect(draws.filter((x) => x < 0.1).length).toBeLessThan(1150);
  });
});

describe('the retry policy', () => {
  it('is stated: standard mode, three attempts', async () => {
    expect(DYNAMO_RETRY).toEqual({ maxAttempts: 3, retryMode: 'standard' });
    expect(await stack.server.db.config.maxAttempts()).toBe(3);
  });

  it.each(FAULT_KINDS)('retries %s and succeeds when fewer faults than attempts meet the request', async (kind) => {
    await stack.server.db.send(new PutCommand({ TableName: table(), Item: { pk: `retry-${kind}`, sk: 'X', value: 1 } }));
    faults.force(kind, 2);
    const result = await get(`retry-${kind}`);
    expect(result.Item?.value).toBe(1);
    expect(result.$metadata.attempts).toBe(3);
  });

  it.each(FAULT_KINDS)('gives up on %s after three attempts with an error the API answers 503', async (kind) => {
    faults.force(kind, 3);
    const error = await get('anything').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { $metadata: { attempts: number } }).$metadata.attempts).toBe(3);
    expect(isUnavailable(error)).toBe(true);
  });

  it('counts only faults it injected, and none once stopped', async () => {
    const layer = injectFaults({ middlewareStack: { add: () => {} } }, { seed: 1 });
    layer.stop();
    expect(Object.values(layer.injected).every((n) => n === 0)).toBe(true);
    expect(isUnavailable(faultError('throttling'))).toBe(true);
    expect(isUnavailable(new Error('a bug'))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('cond'), { name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
  });
});

describe('an unknown outcome (the write lands, the client hears a timeout)', () => {
  it('makes a plain conditional write look refused after the SDK retries it', async () => {
    faults.force('unknown-outcome', 1, isWrite);
    const held = await conditionally(() => stack.server.db.send(new PutCommand(putNew('plain', 1))));
    expect(held).toBe(false);
    expect((await get('plain')).Item?.value).toBe(1);
  });

  it('is recognised by conditionalPut as its own write', async () => {
    faults.force('unknown-outcome', 1, isWrite);
    expect(await conditionalPut(stack.server.db, putNew('ours', 1))).toBe(true);
    expect((await get('ours')).Item?.value).toBe(1);
  });

  it('still refuses when someone else wrote the item', async () => {
    await stack.server.db.send(new PutCommand({ TableName: table(), Item: { pk: 'theirs', sk: 'X', value: 2 } }));
    faults.force('unknown-outcome', 1, isWrite);
    expect(await conditionalPut(stack.server.db, putNew('theirs', 1))).toBe(false);
    faults.force('throttling', 1, isWrite);
    expect(await conditionalPut(stack.server.db, putNew('theirs', 1))).toBe(false);
    expect((await get('theirs')).Item?.value).toBe(2);
  });

  it('on every attempt: a conditional put is still known written (the retry hears its own condition fail)', async () => {
    faults.force('unknown-outcome', 3, isWrite);
    expect(await conditionalPut(stack.server.db, putNew('landed', 1))).toBe(true);
    expect((await get('landed')).Item?.value).toBe(1);
  });

  it('on every attempt of an unconditional write: the request fails as unavailable though the item was written', async () => {
    faults.force('unknown-outcome', 3, isWrite);
    const write = stack.server.db.send(new PutCommand({ TableName: table(), Item: { pk: 'blind', sk: 'X', value: 3 } }));
    const error = await write.then(() => undefined, (e: unknown) => e);
    expect(isUnavailable(error)).toBe(true);
    expect((error as { $metadata: { attempts: number } }).$metadata.attempts).toBe(3);
    expect((await get('blind')).Item?.value).toBe(3);
  });
});
