/**
 * A fault layer for tests and the soak benchmark: a middleware on the DynamoDB client's stack, inside the SDK's
 * retry loop (deserialize step), so every attempt the SDK makes may meet a fault and the SDK's own retry policy
 * (core/dynamo.ts) handles it exactly as it would handle the real one. Faults come from a seeded generator, so a
 * seed printed by a failing test replays the same sequence of faults (the order of concurrent calls aside).
 */
import { InternalServerError, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';

export const FAULT_KINDS = ['throttling', 'throughput', 'internal', 'reset', 'unknown-outcome'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What the DynamoDB client sends: the low-level command's name (PutItemCommand, QueryCommand, ...) and its marshalled input. */
export interface Attempt {
  command: string;
  input: Record<string, any>;
}

export interface FaultOptions {
  seed: number;
  /** Share of attempts that meet a fault (0: none until `rate` is set or faults are forced). */
  rate?: number;
  kinds?: readonly FaultKind[];
  /** Which attempts may meet a random fault (all by default). */
  only?: (attempt: Attempt) => boolean;
}

export interface FaultLayer {
  readonly seed: number;
  rate: number;
  /** Attempts seen and faults injected, by kind. */
  readonly attempts: number;
  readonly injected: Record<FaultKind, number>;
  /** The next `times` attempts that match `when` meet `kind`, whatever the rate (for tests that need one exact fault). */
  force(kind: FaultKind, times: number, when?: (attempt: Attempt) => boolean): void;
  /** No more faults, forced or random. */
  stop(): void;
}

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The item key an attempt names (the SDK has marshalled it by then: `{ S: '...' }`). */
export function keyOf(attempt: Attempt): { pk?: string; sk?: string } {
  const source = attempt.input.Item ?? attempt.input.Key ?? {};
  const text = (value: unknown) => (value && typeof value === 'object' && 'S' in value ? String((value as { S: unknown }).S) : undefined);
  return { pk: text(source.pk), sk: text(source.sk) };
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);
export const isWrite = (attempt: Attempt): boolean => WRITES.has(attempt.command);

const metadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'injected-fault', attempts: 1, totalRetryDelay: 0 });

/** The error the SDK would raise for each kind, with the same name, code and status the real one has. */
export function faultError(kind: FaultKind): Error {
  switch (kind) {
    case 'throttling':
      return new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput (injected).', $metadata: metadata(400) });
    case 'throughput':
      return new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded (injected).', $metadata: metadata(400) });
    case 'internal':
      return new InternalServerError({ message: 'Internal server error (injected).', $metadata: metadata(500) });
    case 'reset':
      return Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET', $metadata: {} });
    case 'unknown-outcome':
      // What @smithy/node-http-handler raises when the answer does not come in time.
      return Object.assign(new Error('Connection timed out after the request was sent (injected).'), { name: 'TimeoutError', code: 'ETIMEDOUT', $metadata: {} });
  }
}

interface StackLike {
  middlewareStack: { add(middleware: (next: any, context: any) => (args: any) => Promise<any>, options: { step: 'deserialize'; name: string; priority: 'high' }): void };
}

export function injectFaults(client: StackLike, { seed, rate = 0, kinds = FAULT_KINDS, only = () => true }: FaultOptions): FaultLayer {
  const random = seededRandom(seed);
  const forced: Array<{ kind: FaultKind; left: number; when: (attempt: Attempt) => boolean }> = [];
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  let attempts = 0;
  let stopped = false;

  const pick = (attempt: Attempt): FaultKind | undefined => {
    if (stopped) return undefined;
    const plan = forced.find((f) => f.left > 0 && f.when(attempt));
    if (plan) {
      plan.left--;
      return plan.kind;
    }
    // Two draws per attempt whatever happens, so one attempt's outcome never shifts the sequence of the next.
    const [draw, which] = [random(), random()];
    if (layer.rate <= 0 || draw >= layer.rate || !only(attempt)) return undefined;
    return kinds[Math.floor(which * kinds.length)];
  };

  const layer: FaultLayer = {
    seed,
    rate,
    get attempts() { return attempts; },
    injected,
    force(kind, times, when = () => true) { forced.push({ kind, left: times, when }); },
    stop() { stopped = true; },
  };

  client.middlewareStack.add((next, context) => async (args) => {
    attempts++;
    const attempt: Attempt = { command: String(context.commandName), input: args.input ?? {} };
    const kind = pick(attempt);
    if (!kind) return next(args);
    injected[kind]++;
    // An unknown outcome: the request reaches the table and does its work; only the answer is lost.
    if (kind === 'unknown-outcome') await next(args);
    throw faultError(kind);
  }, { step: 'deserialize', name: 'injectedFaults', priority: 'high' });
  return layer;
}

/** A seed for this run: FAULT_SEED replays one, else a fresh one; printed so a failure can be replayed. */
export function runSeed(label: string): number {
  const seed = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
  console.log(`${label}: random fault seed ${seed} (replay with FAULT_SEED=${seed})`);
  return seed;
}
