/**
 * A token bucket per source: `burst` events at once, then `ratePerSecond`. Pure state transitions with the
 * time passed in, so the rule is tested without waiting.
 */
export interface BucketRule {
  burst: number;
  ratePerSecond: number;
}

export interface Bucket {
  tokens: number;
  at: number;
}

export type Take = { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterSeconds: number };

export function take(bucket: Bucket | undefined, nowMs: number, rule: BucketRule): Take {
  const elapsed = bucket ? Math.max(0, nowMs - bucket.at) / 1000 : 0;
  const tokens = Math.min(rule.burst, bucket ? bucket.tokens + elapsed * rule.ratePerSecond : rule.burst);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: nowMs } };
  return { allowed: false, bucket: { tokens, at: nowMs }, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rule.ratePerSecond)) };
}

/** A full bucket after this long; such buckets say nothing and can be forgotten. */
export const idleMs = (rule: BucketRule) => (rule.burst / rule.ratePerSecond) * 1000;
