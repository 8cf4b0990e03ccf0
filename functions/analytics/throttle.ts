import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { problemResponse, type ApiEnv } from '../core/http.ts';
import { problems } from '../core/problem.ts';
import { idleMs, take, type Bucket, type BucketRule } from './domain/token-bucket.ts';

/** Most sources remembered at once; the idle ones go first, then the oldest (a flood of addresses cannot grow memory). */
const MAX_SOURCES = 10_000;

/**
 * 429 with Retry-After once a source sends more than the rule allows: a token bucket per container, keyed by
 * a salted hash of the source (`sourceOf`, source.ts: which address, and how much of it). The salt is random
 * per container, so the keys mean nothing outside it. API Gateway's route throttling (cdk) bounds the total;
 * this keeps one source from using it all.
 */
export function throttleBySource(rule: BucketRule, now: () => number, sourceOf: (c: Context) => string): MiddlewareHandler<ApiEnv> {
  // Drawn on first use, not at cold start (init time is budgeted).
  let salt: Buffer | undefined;
  const buckets = new Map<string, Bucket>();
  const forget = (at: number) => {
    for (const [key, bucket] of buckets) if (at - bucket.at >= idleMs(rule)) buckets.delete(key);
    for (const key of buckets.keys()) {
      if (buckets.size < MAX_SOURCES) break;
      buckets.delete(key);
    }
  };
  return async (c, next) => {
    salt ??= randomBytes(16);
    const key = createHash('sha256').update(salt).update(sourceOf(c)).digest('base64url');
    const at = now();
    const outcome = take(buckets.get(key), at, rule);
    buckets.delete(key);
    if (buckets.size >= MAX_SOURCES) forget(at);
    buckets.set(key, outcome.bucket);
    if (!outcome.allowed) {
      const { problem } = problems.throttled('Too many events from here at once; try again shortly.');
      return problemResponse(problem, { 'Retry-After': String(outcome.retryAfterSeconds) });
    }
    await next();
  };
}
